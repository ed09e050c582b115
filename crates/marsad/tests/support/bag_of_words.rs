#![allow(dead_code)] // each user takes the parts it needs
//! The bag-of-words metric of benchmarks/bench.py for HTML → text extraction,
//! shared by the `html_dev` test and the `html_eval` example: precision and
//! recall over `\w+` words in a folded form (diacritics and tatweel removed,
//! أ إ آ ٱ → ا, ى → ي, ة → ه), counted as multisets.

use std::collections::HashMap;

fn fold_word(w: &str) -> String {
    w.chars()
        .filter(|&c| !matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

pub fn bag(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))) {
        if !w.is_empty() {
            let f = fold_word(w);
            if !f.is_empty() {
                *m.entry(f).or_insert(0) += 1;
            }
        }
    }
    m
}

/// Precision, recall, F1, the gold words lost and the words added.
pub fn prf(pred: &str, gold: &str) -> (f64, f64, f64, Vec<String>, Vec<String>) {
    let p = bag(pred);
    let g = bag(gold);
    let tp: usize = p.iter().map(|(w, &n)| n.min(*g.get(w).unwrap_or(&0))).sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    let precision = tp as f64 / np.max(1) as f64;
    let recall = tp as f64 / ng.max(1) as f64;
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let extra = p.iter().filter(|(w, &n)| n > *g.get(*w).unwrap_or(&0)).map(|(w, _)| w.clone()).collect();
    let lost = g.iter().filter(|(w, &n)| n > *p.get(*w).unwrap_or(&0)).map(|(w, _)| w.clone()).collect();
    (precision, recall, f1, lost, extra)
}
