//! Table-driven test: every row of expressions.tsv is "text, anchor date,
//! expected value"; the first time expression found in the text must have
//! that value.

use marsad_doc::{Annotator, Doc};
use marsad_times::TimeAnnotator;

#[test]
fn expression_table() {
    let table = include_str!("expressions.tsv");
    let ann = TimeAnnotator::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "bad row: {line}");
        n += 1;
        let mut doc = Doc::new(f[0], f[1]);
        ann.annotate(&mut doc);
        let got = doc.times.first().map(|t| format!("{} = {}", t.text, t.value));
        if doc.times.first().map(|t| t.value.as_str()) != Some(f[2]) {
            failures.push(format!("{} [{}]: expected {}, got {:?}", f[0], f[1], f[2], got));
        }
    }
    assert!(n >= 150, "only {n} rows");
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), n, failures.join("\n"));
}

#[test]
fn negatives_find_nothing() {
    let ann = TimeAnnotator::new();
    let mut bad = Vec::new();
    for line in include_str!("negatives.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut doc = Doc::new(line, "2024-01-27");
        ann.annotate(&mut doc);
        if !doc.times.is_empty() {
            bad.push(format!("{line}: {:?}", doc.times.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>()));
        }
    }
    assert!(bad.is_empty(), "false positives:\n{}", bad.join("\n"));
}
