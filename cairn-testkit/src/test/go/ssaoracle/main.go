// Command ssaoracle applies sequences of server-side apply operations with
// sigs.k8s.io/structured-merge-diff, the library kube-apiserver's field manager
// is built on, and prints what it computes: per step the conflicts, and at the
// end the merged object and each manager's field set (fieldsV1). The Java test
// ServerSideApplyOracleIT runs the same sequences against the simulated cluster
// and compares. Test-only: built by that test with the local Go toolchain.
//
// Usage: ssaoracle SCHEMA.yaml < cases.json > results.json
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"sigs.k8s.io/structured-merge-diff/v4/fieldpath"
	"sigs.k8s.io/structured-merge-diff/v4/merge"
	"sigs.k8s.io/structured-merge-diff/v4/typed"
)

type step struct {
	Manager string                 `json:"manager"`
	Force   bool                   `json:"force"`
	Object  map[string]interface{} `json:"object"`
}

type testCase struct {
	Type  string `json:"type"`
	Steps []step `json:"steps"`
}

type conflict struct {
	Manager string `json:"manager"`
	Path    string `json:"path"`
}

type stepResult struct {
	Conflicts []conflict `json:"conflicts"`
	Error     string     `json:"error,omitempty"`
}

type result struct {
	Steps         []stepResult               `json:"steps"`
	Object        interface{}                `json:"object"`
	ManagedFields map[string]json.RawMessage `json:"managedFields"`
}

// sameVersion converts nothing: every case uses one API version.
type sameVersion struct{}

func (sameVersion) Convert(o *typed.TypedValue, _ fieldpath.APIVersion) (*typed.TypedValue, error) {
	return o, nil
}

func (sameVersion) IsMissingVersionError(error) bool { return false }

// stripped are the paths kube-apiserver's field manager never records
// (the StripMeta manager of k8s.io/apiserver's fieldmanager).
var stripped = fieldpath.NewSet(
	fieldpath.MakePathOrDie("apiVersion"),
	fieldpath.MakePathOrDie("kind"),
	fieldpath.MakePathOrDie("metadata"),
	fieldpath.MakePathOrDie("metadata", "name"),
	fieldpath.MakePathOrDie("metadata", "namespace"),
	fieldpath.MakePathOrDie("metadata", "creationTimestamp"),
	fieldpath.MakePathOrDie("metadata", "selfLink"),
	fieldpath.MakePathOrDie("metadata", "uid"),
	fieldpath.MakePathOrDie("metadata", "clusterName"),
	fieldpath.MakePathOrDie("metadata", "generation"),
	fieldpath.MakePathOrDie("metadata", "managedFields"),
	fieldpath.MakePathOrDie("metadata", "resourceVersion"),
)

func main() {
	if err := run(os.Args[1], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(schemaFile string, in io.Reader, out io.Writer) error {
	schema, err := os.ReadFile(schemaFile)
	if err != nil {
		return err
	}
	parser, err := typed.NewParser(typed.YAMLObject(schema))
	if err != nil {
		return fmt.Errorf("schema: %v", err)
	}
	var cases []testCase
	if err := json.NewDecoder(in).Decode(&cases); err != nil {
		return fmt.Errorf("cases: %v", err)
	}
	results := make([]result, 0, len(cases))
	for i, c := range cases {
		r, err := runCase(parser, c)
		if err != nil {
			return fmt.Errorf("case %d: %v", i, err)
		}
		results = append(results, r)
	}
	return json.NewEncoder(out).Encode(results)
}

func runCase(parser *typed.Parser, c testCase) (result, error) {
	t := parser.Type(c.Type)
	if !t.IsValid() {
		return result{}, fmt.Errorf("no type %q in the schema", c.Type)
	}
	updater := merge.Updater{Converter: sameVersion{}}
	live, err := t.FromUnstructured(map[string]interface{}{})
	if err != nil {
		return result{}, err
	}
	managers := fieldpath.ManagedFields{}
	var steps []stepResult
	for _, s := range c.Steps {
		config, err := t.FromUnstructured(s.Object)
		if err != nil {
			return result{}, fmt.Errorf("object of %s: %v", s.Manager, err)
		}
		merged, next, err := updater.Apply(live, config, "v1", managers.Copy(), s.Manager, s.Force)
		if _, ok := err.(merge.Conflicts); ok {
			conflicts, err := conflictsOf(live, config, managers, s.Manager)
			if err != nil {
				return result{}, err
			}
			steps = append(steps, stepResult{Conflicts: conflicts})
			continue
		}
		if err != nil {
			steps = append(steps, stepResult{Conflicts: []conflict{}, Error: err.Error()})
			continue
		}
		if merged != nil {
			live = merged
		}
		managers = strip(next)
		steps = append(steps, stepResult{Conflicts: []conflict{}})
	}
	fields := map[string]json.RawMessage{}
	for manager, set := range managers {
		encoded, err := set.Set().ToJSON()
		if err != nil {
			return result{}, err
		}
		fields[manager] = json.RawMessage(encoded)
	}
	return result{Steps: steps, Object: live.AsValue().Unstructured(), ManagedFields: fields}, nil
}

// conflictsOf derives the conflicting fields as Updater.update does (each other
// manager's fields that the merge modifies or adds). The paths of the library's
// own merge.Conflicts error cannot be used: ConflictsFromManagers keeps the
// path that Set.Iterate reuses between calls, so in this version all but the
// last conflict of a manager may print another field's path.
func conflictsOf(live, config *typed.TypedValue, managers fieldpath.ManagedFields, applier string) ([]conflict, error) {
	merged, err := live.Merge(config)
	if err != nil {
		return nil, err
	}
	compare, err := live.Compare(merged)
	if err != nil {
		return nil, err
	}
	changed := compare.Modified.Union(compare.Added)
	out := []conflict{}
	for manager, set := range managers {
		if manager == applier {
			continue
		}
		set.Set().Intersection(changed).Iterate(func(p fieldpath.Path) {
			out = append(out, conflict{Manager: manager, Path: p.Copy().String()})
		})
	}
	return out, nil
}

func strip(managers fieldpath.ManagedFields) fieldpath.ManagedFields {
	out := fieldpath.ManagedFields{}
	for manager, set := range managers {
		rest := set.Set().Difference(stripped)
		if !rest.Empty() {
			out[manager] = fieldpath.NewVersionedSet(rest, set.APIVersion(), set.Applied())
		}
	}
	return out
}

