package load

import (
	"fmt"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/tomlpos"
)

// TestSyntaxErrors pins the message and the position (line:col, columns
// in characters) of each kind of TOML syntax error, classified by the
// source text where the reader stopped.
func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a = fullfort\n", "1:5: fullfort is not a value: write text in quotes (\"fullfort\"), and numbers, dates, true and false without"},
		{"a = 1\na = 2\n", "2:1: a is written twice (first on line 1): keep one of them"},
		{"[t]\na=1\n[t]\nb=2\n", "3:1: table [t] is written twice (first on line 1): write it once, with all its keys under it"},
		{"t = 1\n[[t]]\n", "2:1: [[t]] adds to a list of tables, but t is already written as a key or a [t] table (first on line 1): use one form for it"},
		{"[t]\n[[t]]\n", "2:1: [[t]] adds to a list of tables, but t is already written as a key or a [t] table (first on line 1): use one form for it"},
		{"[[t]]\n[t]\n", "2:1: table [t] is written twice (first on line 1): write it once, with all its keys under it"},
		{"a.b = 1\n[a]\nb=2\n", "3:1: a.b is written twice (first on line 1): keep one of them"},
		{"a = 99999999999999999999\n", "1:5: the number 99999999999999999999 is too large: check the number of digits"},
		{"a = -99999999999999999999\n", "1:5: the number -99999999999999999999 is too large: check the number of digits"},
		{"a = 1e999\n", "1:5: the number 1e999 is too large: check the number of digits"},
		{"a = 2025-02-30\n", "1:5: not a valid date: \"2025-02-30\": check the day and the month (dates are written YYYY-MM-DD)"},
		{"a = 2025-13-01\n", "1:5: not a valid date: \"2025-13-01\": check the day and the month (dates are written YYYY-MM-DD)"},
		{"a =\n", "1:4: the value is missing after '=': write key = value"},
		{"a = ,\n", "1:5: ',' cannot start a value: write text in quotes, and numbers, dates, true and false without"},
		{"a = 'x\n", "1:7: strings cannot contain newlines"},
		{"møte = 1\n", "1:2: a key cannot have 'ø' in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them"},
		{"motedato = 1\nmøte = 1\n", "2:2: a key cannot have 'ø' in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them"},
		{"a b = 1\n", "1:3: 'b' after a key: write key = value, with a key of letters a–z, digits, _ and -"},
		{"a\n", "1:2: '=' and a value are missing after the key: write key = value"},
		{"a = 1 000\n", "1:7: '0' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = 1 000 000\n", "1:7: '0' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = 1\tb\n", "1:7: 'b' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = [1, 2\n", "1:10: end of file in a list: separate the items with commas and end the list with ]"},
		{"a = [1 2]\n", "1:8: '2' in a list: separate the items with commas and end the list with ]"},
		{"a = [\n  1,\n  2\n  3\n]\n", "4:3: '3' in a list: separate the items with commas and end the list with ]"},
		{"a = {b = 1 c = 2}\n", "1:12: 'c' in an inline table: separate its key = value pairs with commas and end it with }, all on one line"},
		{"[a b]\n", "1:4: 'b' in a table name: write [name], with a name of letters a–z, digits, _ and -"},
		{"[[a]\n", "1:5: '\\n' in a table name: write [[name]], with two brackets on each side"},
		{"[[a b]]\n", "1:5: 'b' in a table name: write [[name]], with a name of letters a–z, digits, _ and -"},
		{"a = ", "1:4: the value is missing at the end of the file: write key = value"},
		{"a = \"x\nb\"\n", "1:7: strings cannot contain newlines"},
		{"a = @\n", "1:5: '@' cannot start a value: write text in quotes, and numbers, dates, true and false without"},
		{"a = \"ok\" b = 1\n", "1:10: 'b' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = 1\n\nb = [\n 1,\n 2\n", "5:3: end of file in a list: separate the items with commas and end the list with ]"},
		{"  a = 1\n  a = 2\n", "2:3: a is written twice (first on line 1): keep one of them"},
		{"a = x y\n", "1:5: x is not a value: write text in quotes (\"x\"), and numbers, dates, true and false without"},
		{"a = tru\n", "1:5: tru is not a value: write text in quotes (\"tru\"), and numbers, dates, true and false without"},
		{"a = 2025-1-1\n", "1:5: not a valid date: \"2025-1-1\": check the day and the month (dates are written YYYY-MM-DD)"},
		{"[å]\n", "1:2: 'å' in a table name: write [name], with a name of letters a–z, digits, _ and -"},
		{"a.ø = 1\n", "1:3: a key cannot have 'ø' in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them"},
		{"a = 1__0\n", "1:5: Invalid integer \"1__0\": underscores must be surrounded by digits"},
		{"a = 0123\n", "1:5: Invalid integer \"0123\": cannot have leading zeroes"},
		{"[[punkt]]\nnr = 1\n[punkt]\n", "3:1: table [punkt] is written twice (first on line 1): write it once, with all its keys under it"},
		{"tittel = \"Møte\" x\n", "1:17: 'x' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"tittel = \"Møte\"\ntekst = Møte\n", "2:9: Møte is not a value: write text in quotes (\"Møte\"), and numbers, dates, true and false without"},
		{"a = [\"x\", y]\n", "1:11: y is not a value: write text in quotes (\"y\"), and numbers, dates, true and false without"},
		{"a = {b = x}\n", "1:10: x is not a value: write text in quotes (\"x\"), and numbers, dates, true and false without"},
		{"a = [1,\n", "1:8: the value is missing at the end of the file: write key = value"},
		{"a = # c\n", "1:5: the value is missing after '=': write key = value"},
		{"a = \"#\" b\n", "1:9: 'b' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = '''x''' y\n", "1:13: 'y' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = \"\"\"x\n\"\"\" y\n", "2:5: 'y' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = 1 # ok\nb = 2 3\n", "2:7: '3' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"æ = 1\n", "1:1: a key cannot have 'æ' in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them"},
		{"Møtedato = 1\n", "1:2: a key cannot have 'ø' in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them"},
		{"a = Ø\n", "1:5: Ø is not a value: write text in quotes (\"Ø\"), and numbers, dates, true and false without"},
		{"a = \"x\\q\"\n", "1:6: invalid escape in string '\\q'"},
		{"a = 12abc\n", "1:7: 'a' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = trueish\n", "1:5: trueish is not a value: write text in quotes (\"trueish\"), and numbers, dates, true and false without"},
		{"a.b.c = 1\na.b.c = 2\n", "2:1: a.b.c is written twice (first on line 1): keep one of them"},
		{"[a]\nb = 1\n[a]\n", "3:1: table [a] is written twice (first on line 1): write it once, with all its keys under it"},
		{"[a.b]\n[a.b]\n", "2:1: table [a.b] is written twice (first on line 1): write it once, with all its keys under it"},
		{"x = 1\n[x]\n", "2:1: table [x] is written twice (first on line 1): write it once, with all its keys under it"},
		{"a = [1, 2]]\n", "1:11: ']' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = 1,\n", "1:6: ',' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"= 1\n", "1:1: unexpected '=': key name appears blank"},
		{"[a\n", "1:3: '\\n' in a table name: write [name], with a name of letters a–z, digits, _ and -"},
		{"[]\n", "1:2: unexpected end of table name (table names cannot be empty)"},
		{"a = {\n", "2:7: unexpected '=': key name appears blank"},
		{"a = [[1, 2], [3 4]]\n", "1:17: '4' in a list: separate the items with commas and end the list with ]"},
		{"[[]]\n", "1:3: unexpected end of table name (table names cannot be empty)"},
		{"tittel = \"Møøøte\" x\n", "1:19: 'x' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"[[a]]]\n", "1:6: expected a top-level item to end with a newline, comment, or EOF, but got ']' instead"},
		{"a = [\n  1,\n\n\n", "4:1: the value is missing at the end of the file: write key = value"},
		{"a = [1 # c\n", "1:11: end of file in a list: separate the items with commas and end the list with ]"},
		{"a = \"\"\"x\"\"\"\"\" y\n", "1:15: 'y' after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces"},
		{"a = {b = 1, c}\n", "1:14: '}' after a key: write key = value, with a key of letters a–z, digits, _ and -"},
		{"a = 1.5e\n", "1:5: Invalid float value: \"1.5e\""},
		{"a = -\n", "2:5: expected a digit but got '\\n'"},
		{"a = 12_\n", "1:5: Invalid integer \"12_\": underscores must be surrounded by digits"},
		{"[a.\"b c\" d]\n", "1:10: 'd' in a table name: write [name], with a name of letters a–z, digits, _ and -"},
		{"\"a b\" c = 1\n", "1:7: 'c' after a key: write key = value, with a key of letters a–z, digits, _ and -"},
	} {
		_, err := parse([]byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		line, col, msg := syntaxError(err, tomlpos.Parse([]byte(tc.src)), []byte(tc.src))
		if got := fmt.Sprintf("%d:%d: %s", line, col, msg); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestDuplicateKeyMessages pins the wording of BurntSushi/toml (v1.6.0)
// that dupKeyRE depends on: a duplicate key is well-formed text, so only
// the reader's message says what is wrong. If an upgrade changes the
// wording, this fails before the diagnostics fall back to English.
func TestDuplicateKeyMessages(t *testing.T) {
	for src, want := range map[string]string{
		"a = 1\na = 2\n":      "Key 'a' has already been defined.",
		"a.b = 1\n[a]\nb=2\n": "Key 'a.b' has already been defined.",
		"t = 1\n[[t]]\n":      "Key 't' was already created and cannot be used as an array.",
		"[t]\n[[t]]\n":        "Key 't' was already created and cannot be used as an array.",
		"[[t]]\n[t]\n":        "Key 't' has already been defined.",
		"a = 1\n[a.b]\n":      "Key 'a' was already created as a hash.",
	} {
		var raw map[string]any
		_, err := toml.Decode(src, &raw)
		pe, ok := err.(toml.ParseError)
		if !ok {
			t.Errorf("%q: %v, want a toml.ParseError", src, err)
			continue
		}
		if pe.Message != want {
			t.Errorf("%q: the reader says %q, want %q", src, pe.Message, want)
		}
		if !dupKeyRE.MatchString(pe.Message) {
			t.Errorf("%q: dupKeyRE does not match %q", src, pe.Message)
		}
	}
}
