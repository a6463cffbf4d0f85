package catalog

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"

	"golang.org/x/tools/go/packages"

	"github.com/openkommune/portal/tools/endring"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
)

// root is the repository, from this package's directory.
const root = "../.."

// uses are the keys used, each with where (for the messages).
type uses map[Key][]string

func (u uses) add(k Key, where string) { u[k] = append(u[k], where) }

// TestKeys fails on a key used anywhere (Go, layouts/, static/js/) that a
// målform lacks, and on a key defined but used nowhere. (That nb and nn
// define the same keys is Parse's rule, checked by TestEmbedded.)
func TestKeys(t *testing.T) {
	nb := Must("nb")
	used := uses{}
	goUses(t, nb, used)
	layoutUses(t, used)
	jsUses(t, used)
	declaredUses(used)
	for _, k := range slices.Sorted(maps.Keys(used)) {
		if !nb.Has(k) {
			t.Errorf("%s is used (%s) but not defined in i18n/nb.toml and nn.toml", k, strings.Join(used[k], ", "))
		}
	}
	for _, k := range nb.keys() {
		if used[k] == nil {
			t.Errorf("%s is defined in i18n/*.toml but used nowhere: remove it, or declare the family that uses it in families", k)
		}
	}
}

// families are the keys the layouts make with printf, by pattern, with
// the values each is made for. A pattern a layout uses must be here.
var families = map[string][]string{
	"status_%s":           record.StatusValues,
	"fase_%s":             record.ProsjektFaseValues,
	"tiltakfase_%s":       record.TiltakFaseValues,
	"plantype_%s":         record.PlanTypeValues,
	"planstatus_%s":       record.PlanStatusValues,
	"periode_%s":          record.PeriodeValues,
	"risiko_%s":           record.RisikoValues,
	"vote_result_%s":      record.ResultatValues,
	"proposal_type_%s":    record.ForslagTypeValues,
	"step_%s":             append([]string{"vedtatt", "regulering"}, record.RammeTypeValues...), // model.Steg.Type
	"money_%s":            append([]string{"regulering", "bevilgning", "sluttregnskap"}, prefixed("kostnadsramme_", record.RammeTypeValues)...),
	"list_%s":             {"vedtak", "vedtakspunkter", "voteringer", "planer", "tiltak", "rammer", "reguleringer", "budsjettstadier", "arsregnskap", "prosjekter", "overskridelser", "oversikter", "bevilgninger", "bevilgninger_per_ar", "rapporter", "endringer", "prognosehistorikk"}, // export's lists
	"endring_%s":          endringKinds(),                                                                                                                                                                                                                                                 // endring.Kind
	"rapporttype_%s":      record.RapportTypeValues,
	"kontroll_%s":         kontrollKinds,
	"kontroll_%s_explain": kontrollKinds,
	"stage_%s":            record.StadiumTypeValues,   // model.Stadium.Type
	"stage_long_%s":       record.StadiumTypeValues,   // model.Stadium.Type
	"stage_short_%s":      record.StadiumTypeValues,   // model.Stadium.Type, on a phone
	"stage_note_%s":       {"forslag", "innstilling"}, // model.Okonomiplan.Stadium, not adopted
	"source_unit_%s":      {"kr", "1000kr"},           // model.Okonomiplan.Enhet
	"kontroll_what_%s": {"subtotal_printed", "subtotal_computed", "stage_total", "stage_computed", "stated_total", "adopted_total", "adopted_computed", "regulated_total", "regulated_computed", "regulated_shown", "regulated_minus_adopted", "area_regulated_minus_adopted",
		"stated_total_misprint", "regulated_shown_misprint", // h13-real2: sum_trykkfeil
		"step_frame", "adjusted_frame", "frame_changes", "spend_total", "deviation",
		"count_vedtak", "count_punkter", "count_punkter_apne", "count_punkter_forsinket", "count_planer", "count_tiltak",
		"count_prosjekter", "count_prosjekter_aktive", "count_prosjekter_over_ramme", "count_sluttregnskap_forfalt",
		"sum_justert_ramme", "sum_prognose", "driftsrammer",
		"rows_vedtak", "rows_punkter", "rows_punkter_apne", "rows_punkter_forsinket",
		"arsregnskap_total_regnskap", "arsregnskap_total_regulert", "arsregnskap_total_opprinnelig", "arsregnskap_printed_regnskap", "arsregnskap_printed_regulert", "arsregnskap_printed_opprinnelig", "arsregnskap_subtotal_regnskap", "arsregnskap_subtotal_regulert", "arsregnskap_subtotal_opprinnelig",
		"drift_sum", "investering_sum", "computed_shown", "part_b", "frames_forslag", "frames_innstilling", "frames_vedtatt", "frames_regulert", "projects_at_most", "projects_equal"}, // reconcile.Check.What
	// The bevilgningsoversikter (layouts/oversikter, model.Oversikt).
	"oversikt_%s":          {"drift", "investering"},
	"oversikt_%s_caption":  {"drift", "investering"},
	"oversikt_kolonne_%s":  {"regnskap", "regulert", "opprinnelig", "regnskap_i_fjor", "regnskap_i_forfjor", "budsjett", "budsjett_i_fjor"},
	"oversikt_stadium_%s":  {"regnskap", "forslag", "innstilling", "vedtatt"},
	"oversikt_dokument_%s": {"arsregnskap", "arsbudsjett", "okonomiplan"},
	"oversikt_oppsett_%s":  {"2022", "2020"},
	"oversikt_enhet_%s":    {"1000kr", "kr"},
	"oversikt_fortegn_%s":  {"standard", "inntekt_negativ", "utgift_negativ"},
	"search_kind_%s":       {"text", "keyword", "number", "date"}, // build's names of search.Kind
	"search_fieldhelp_%s":  searchFields(),
	"sdg_%d":               numbers(1, 17),
	"nav_%s":               {"vedtak", "planer", "okonomiplan", "prosjekter", "overskridelser"}, // baseof.html's menu
	"page_title_%s":        nil,                                                                 // the key of every page in content/, filled in by contentKeys
	"page_desc_%s":         nil,
	"page_body_%s":         {"om"},                                  // the pages page.html shows
	"arsregnskap_col_%s":   {"regnskap", "regulert", "opprinnelig"}, // model.ArsregnskapSum.Kolonne
	"proposed_by_%s":       {"forslag", "innstilling"},              // model.Forslagssteg.Stadium
}

func endringKinds() []string {
	out := make([]string, len(endring.Kinds))
	for i, k := range endring.Kinds {
		out[i] = string(k)
	}
	return out
}

// fromData stands for a key a layout takes from the data (i18n .etikett).
const fromData = "(from data)"

// keysFromData are the layouts that show keys from the data: the search
// page's labels come from tools/sitedata (SokMeta), where each key is a
// catalog.Key constant (so goUses counts it as used) and TestSokMeta checks
// that both languages define it.
// The declared fields' partial shows the keys compile writes by the rules
// of field.go, which declaredUses counts.
var keysFromData = map[string]bool{filepath.Join("layouts", "sok", "section.html"): true, filepath.Join("layouts", "_partials", "felter.html"): true}

// declaredUses adds the keys of the records' declared fields (field.go):
// the label of a field shown on a page or in search, its codes' labels,
// and its column's title and description in its record's list.
func declaredUses(used uses) {
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			at := "the declared field " + r.Folder + "." + d.Name
			if d.Page || d.Search {
				used.add(FieldLabel(d.Name), at)
			}
			for _, c := range d.Codes {
				if d.Page || d.Facet {
					used.add(FieldCode(d.Name, c), at)
				}
			}
			if d.CSV {
				used.add(ColumnTitle(r.Folder, d.Name), at)
				used.add(ColumnDesc(r.Folder, d.Name), at)
			}
		}
	}
}

// kontrollKinds are reconcile.Check.Kind.
var kontrollKinds = []string{"oppgitt_sum", "underomrader", "ramme_sum", "regulert_sum", "reguleringer", "prosjekt_ramme", "prosjekt_avvik", "forside", "vedtak_ar",
	"oversikt_sum", "oversikt_omrader", "oversikt_rammer", "oversikt_prosjekter",
	"arsregnskap"}

func prefixed(p string, vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = p + v
	}
	return out
}

func numbers(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

func searchFields() []string {
	var out []string
	for _, f := range search.Fields {
		if !f.Hidden {
			out = append(out, f.Name)
		}
	}
	return out
}

// contentKeys are the `key` of every page in content/.
func contentKeys(t *testing.T) []string {
	var keys []string
	re := regexp.MustCompile(`(?m)^key:\s*"([a-z0-9_]+)"`)
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if m := re.FindSubmatch(b); m != nil {
			keys = append(keys, string(m[1]))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// layoutUses adds the keys the templates in layouts/ use: i18n "key" (or
// T "key"), and i18n (printf "pattern" …) for the patterns in families.
// Any other way of naming a key fails: the test could not see it.
func layoutUses(t *testing.T, used uses) {
	fams := maps.Clone(families)
	fams["page_title_%s"] = contentKeys(t)
	fams["page_desc_%s"] = contentKeys(t)
	seen := map[string]bool{}
	layoutCommands(t, func(name, at string, c *parse.CommandNode) {
		key, pattern, isI18n, ok := templateKey(c)
		switch {
		case !isI18n:
		case !ok:
			t.Errorf(`%s: %s: name the key as i18n "key" or i18n (printf "pattern" …) with the pattern in families`, at, c)
		case pattern == "":
			used.add(Key(key), at)
		case pattern == fromData:
			if !keysFromData[name] {
				t.Errorf("%s: %s: a key taken from the data: only the layouts in keysFromData may, for data whose keys Go writes as catalog.Key constants", at, c)
			}
		default:
			members, declared := fams[pattern]
			if !declared {
				t.Errorf("%s: the key pattern %q is not in families: add it with the values it is made for", at, pattern)
			}
			seen[pattern] = true
			for _, m := range members {
				used.add(Key(strings.Replace(strings.Replace(pattern, "%s", m, 1), "%d", m, 1)), at)
			}
		}
	})
	for p := range families {
		if !seen[p] {
			t.Errorf("families declares %q, which no layout uses", p)
		}
	}
}

// layoutCommands calls visit for every command of every template in
// layouts/, with the layout's path from the repository's root and the
// command's place (path:line).
func layoutCommands(t *testing.T, visit func(name, at string, c *parse.CommandNode)) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join(root, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(root, p)
		tr := parse.New(name)
		tr.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(string(b), "", "", trees); err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		for _, tree := range trees {
			walkTemplate(tree.Root, func(c *parse.CommandNode) {
				visit(name, fmt.Sprintf("%s:%d", name, lineOf(string(b), int(c.Pos))), c)
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// walkTemplate calls f on every command in a template.
func walkTemplate(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkTemplate(c, f)
			}
		}
	case *parse.ActionNode:
		walkTemplate(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkTemplate(c, f)
			}
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walkTemplate(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkTemplate(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walkTemplate(b.Pipe, f)
	walkTemplate(b.List, f)
	if b.ElseList != nil {
		walkTemplate(b.ElseList, f)
	}
}

// templateKey reads the key of a command i18n … or T … (isI18n): a
// literal key, or the pattern of a printf. ok is false when the test
// cannot read the key.
func templateKey(c *parse.CommandNode) (key, pattern string, isI18n, ok bool) {
	id, isIdent := c.Args[0].(*parse.IdentifierNode)
	if !isIdent || (id.Ident != "i18n" && id.Ident != "T") {
		return "", "", false, false
	}
	if len(c.Args) < 2 {
		return "", "", true, false
	}
	switch a := c.Args[1].(type) {
	case *parse.StringNode:
		return a.Text, "", true, true
	case *parse.FieldNode, *parse.VariableNode:
		return "", fromData, true, true
	case *parse.PipeNode:
		if len(a.Cmds) == 1 && len(a.Cmds[0].Args) >= 2 {
			fn, isFn := a.Cmds[0].Args[0].(*parse.IdentifierNode)
			p, isStr := a.Cmds[0].Args[1].(*parse.StringNode)
			if isFn && fn.Ident == "printf" && isStr && strings.Count(p.Text, "%") == 1 {
				return "", p.Text, true, true
			}
		}
	}
	return "", "", true, false
}

func lineOf(src string, pos int) int { return 1 + strings.Count(src[:min(pos, len(src))], "\n") }

// jsUses adds the keys the search page hands to search.js (the JSON
// search-text: "name" (i18n "key")) that search.js reads: text.name, and
// text['msg_' + code] for the engine's message codes and the codes
// search.js makes itself (message('truncated', …)).
func jsUses(t *testing.T, used uses) {
	page := read(t, "layouts/sok/section.html")
	js := read(t, "static/js/search.js")
	handed := map[string]string{} // name → key
	block := regexp.MustCompile(`(?s)id="search-text">\{\{ dict(.*?)\| jsonify`).FindStringSubmatch(page)
	if block == nil {
		t.Fatal(`layouts/sok/section.html has no <script id="search-text">{{ dict … | jsonify`)
	}
	for _, m := range regexp.MustCompile(`"(\w+)" \(i18n "(\w+)"\)`).FindAllStringSubmatch(block[1], -1) {
		handed[m[1]] = m[2]
	}
	read := map[string]bool{}
	for _, m := range regexp.MustCompile(`\btext\.(\w+)`).FindAllStringSubmatch(js, -1) {
		read[m[1]] = true
	}
	if !strings.Contains(js, `text['msg_' + code]`) {
		t.Error(`static/js/search.js no longer reads messages as text['msg_' + code]: update this test`)
	}
	codes := slices.Clone(search.MessageCodes)
	for _, m := range regexp.MustCompile(`\bmessage\('(\w+)'`).FindAllStringSubmatch(js, -1) {
		codes = append(codes, m[1])
	}
	for _, c := range codes {
		read["msg_"+c] = true
	}
	for _, name := range slices.Sorted(maps.Keys(read)) {
		if handed[name] == "" {
			t.Errorf("static/js/search.js reads text.%s, which layouts/sok/section.html does not hand it", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(handed)) {
		if !read[name] {
			t.Errorf("layouts/sok/section.html hands %s (%s) to search.js, which does not read it", name, handed[name])
			continue
		}
		used.add(Key(handed[name]), "static/js/search.js")
	}
}

func read(t *testing.T, path string) string {
	b, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goUses adds the keys the Go code uses: every constant of type Key in
// the packages under tools/ (tests aside). A Key made at run time (a
// conversion or a sum that is not constant) fails: the test could not see
// it. A call T(key, args) with a constant key and Args written out must
// fill exactly the text's placeholders (and Count for a plural text).
func goUses(t *testing.T, nb *Text, used uses) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  root,
	}
	pkgs, err := packages.Load(cfg, "./tools/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the packages under tools/ do not load")
	}
	const path = "github.com/openkommune/portal/tools/catalog"
	for _, pkg := range pkgs {
		pos := func(n ast.Node) string {
			p := pkg.Fset.Position(n.Pos())
			rel, _ := filepath.Rel(mustAbs(t, root), p.Filename)
			return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), p.Line, p.Column)
		}
		for e, tv := range pkg.TypesInfo.Types {
			if !isNamed(tv.Type, path, "Key") {
				continue
			}
			switch {
			case tv.Value != nil && tv.Value.Kind() == constant.String:
				used.add(Key(constant.StringVal(tv.Value)), pos(e))
			case pkg.PkgPath == path:
				// The catalogue itself reads the keys from the files.
			case isConversion(pkg.TypesInfo, e) || isBinary(e):
				t.Errorf("%s: a catalog.Key made at run time: write each key as a constant, so that this test sees it", pos(e))
			}
		}
		for _, f := range pkg.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					checkCall(t, pkg.TypesInfo, nb, c, pos(c))
				}
				return true
			})
		}
	}
}

// checkCall checks a call (*Text).T(key, args) with a constant key and
// args nil or an Args literal: args must fill exactly the placeholders of
// the key's text, and Count must be there for a plural text.
func checkCall(t *testing.T, info *types.Info, nb *Text, c *ast.CallExpr, at string) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.FullName() != "(*github.com/openkommune/portal/tools/catalog.Text).T" || len(c.Args) != 2 {
		return
	}
	kv := info.Types[c.Args[0]].Value
	if kv == nil {
		return
	}
	m := nb.msgs[Key(constant.StringVal(kv))]
	if m == nil {
		return // reported as used but missing
	}
	var given []string
	switch a := c.Args[1].(type) {
	case *ast.Ident:
		if a.Name != "nil" {
			return
		}
	case *ast.CompositeLit:
		for _, el := range a.Elts {
			kve, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return
			}
			v := info.Types[kve.Key].Value
			if v == nil {
				return
			}
			given = append(given, constant.StringVal(v))
		}
	default:
		return
	}
	want := slices.Clone(m.names)
	if m.one != nil && !slices.Contains(want, "Count") {
		want = append(want, "Count")
	}
	slices.Sort(want)
	slices.Sort(given)
	if !slices.Equal(want, given) {
		t.Errorf("%s: T(%q) is given %s, but its text has %s", at, constant.StringVal(kv), braces(given), braces(want))
	}
}

func isNamed(typ types.Type, path, name string) bool {
	n, ok := typ.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isConversion(info *types.Info, e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	return ok && len(c.Args) == 1 && info.Types[c.Fun].IsType()
}

func isBinary(e ast.Expr) bool {
	_, ok := e.(*ast.BinaryExpr)
	return ok
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
