package search

// WordParts are the word parts the index splits compounds into: the heads
// and modifiers of municipal language, in bokmål and nynorsk. A part is
// found only at the end of a word (with an inflectional ending) or in front
// of another part, so a part may safely occur inside unrelated words; but a
// part that is itself a common word ending makes false splits, and is left
// out. Left out on purpose, with the word it would break:
//
//	gate (delegaten)   natur (signatur)   lys (analyse)   nett (kabinett)
//	ledning (veiledning)   hage (barnehage stays whole)   ras, rus, rom, tak
//
// Keep the list sorted; the tests in compound_test.go list the splits that
// must happen and the ones that must not.
var WordParts = []string{
	"anlegg", "arbeid", "areal", "avlastning", "avløp",
	"bad", "bane", "barn", "barnehage", "basseng", "beredskap", "bibliotek", "bolig", "brann", "bro", "bru", "budsjett", "bustad", "bygg", "bygning",
	"drift",
	"eldre", "elev", "elv", "energi",
	"flom", "forsyning", "fortau", "friluft",
	"gang", "garderobe",
	"hall", "hamn", "havn", "helse", "hus",
	"idrett", "institusjon", "investering",
	"kai", "kirke", "kjøkken", "klima", "kloakk", "kommune", "kultur", "kyrkje",
	"landbruk", "legevakt", "lokale", "lærar", "lærer",
	"maskin", "miljø",
	"næring",
	"omsorg", "oppvekst",
	"park", "parkering", "plan", "plass", "prosjekt", "psykiatri",
	"ramme", "regnskap", "rehabilitering", "renovering", "renseanlegg", "rensing",
	"senter", "sikkerhet", "sikring", "skog", "skole", "skule", "stadion", "stasjon", "svømmehall", "sykehjem", "sykkel", "symjehall",
	"teneste", "tiltak", "tjeneste", "tomt", "torg", "trafikk", "tryggleik",
	"ungdom", "utbygging", "utstyr", "utvidelse",
	"vann", "vannverk", "varme", "vedlikehold", "veg", "vei", "ventilasjon",
}
