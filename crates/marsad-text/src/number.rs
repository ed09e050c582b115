//! Numbers: digits in any script and Arabic number words, to values.
//!
//! Events need counts ("أصيب نحو 70 أميركيا"، "مقتل ثلاثة جنود"، "عشرات
//! الجرحى"), so a number expression carries its value and whether it is
//! approximate (نحو، حوالي، أكثر من، عشرات…). Word lists live in
//! `data/text/number_words.tsv`, `data/text/approximators.txt` and
//! `data/text/percent_phrases.txt` (في المئة، بالمئة); the proclitics و and ب
//! allowed before a number word are letters of the alphabet, tested in code.

use crate::chars;
use crate::token::{TokenKind, Tokens};
use std::ops::Range;
use std::sync::OnceLock;

/// A number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberExpr {
    /// Token indices covered (the approximator, if any, included).
    pub tokens: Range<usize>,
    pub value: f64,
    /// Vague or hedged: "نحو 70", "عشرات", "أكثر من مئة".
    pub approx: bool,
    /// "70%", "15 في المئة".
    pub percent: bool,
}

#[derive(Debug, Clone, Copy)]
struct WordValue {
    value: f64,
    multiplier: bool,
    approx: bool,
}

fn number_words() -> &'static crate::WordTable<WordValue> {
    static MAP: OnceLock<crate::WordTable<WordValue>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = crate::WordTable::default();
        for line in include_str!("../../../data/text/number_words.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(w), Some(v)) = (cols.next(), cols.next()) else { continue };
            let flags = cols.next().unwrap_or("");
            if let Ok(value) = v.trim().parse::<f64>() {
                m.get_or_insert_with(&crate::normalize_str(w.trim()), || WordValue {
                    value,
                    multiplier: flags.contains("mult"),
                    approx: flags.contains("approx"),
                });
            }
        }
        m
    })
}

/// The approximator phrases, longest first, and the set of their first words
/// (so that a token that starts none costs one look-up).
struct Approximators {
    phrases: Vec<Vec<String>>,
    first_words: crate::FastSet<String>,
}

fn approximators() -> &'static Approximators {
    static LIST: OnceLock<Approximators> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut phrases: Vec<Vec<String>> = include_str!("../../../data/text/approximators.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().map(crate::normalize_str).collect())
            .filter(|p: &Vec<String>| !p.is_empty())
            .collect();
        phrases.sort_by_key(|p: &Vec<String>| std::cmp::Reverse(p.len()));
        let first_words = phrases.iter().map(|p| p[0].clone()).collect();
        Approximators { phrases, first_words }
    })
}

/// Parse one number token ("1,500", "٢٫٥", "70%") to its value.
pub fn parse_number_token(raw: &str) -> Option<f64> {
    // A comma followed by a group of exactly three digits separates
    // thousands (1,500); otherwise it is a decimal comma, common in Arabic
    // news (1,6 مليون = 1.6 million).
    let chars: Vec<char> = raw.chars().collect();
    let mut s = String::with_capacity(raw.len());
    let mut seen_decimal = false;
    let skip = usize::from(matches!(chars.first(), Some('%' | '\u{066A}')));
    for (i, &c) in chars.iter().enumerate().skip(skip) {
        if let Some(d) = chars::digit_value(c) {
            s.push(char::from(b'0' + d as u8));
        } else if matches!(c, '.' | '\u{066B}') {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            s.push('.');
        } else if c == '\u{066C}' {
            // Arabic thousands separator
        } else if c == ',' {
            let group = chars[i + 1..].iter().take_while(|&&d| chars::is_digit(d)).count();
            if group != 3 {
                if seen_decimal {
                    return None;
                }
                seen_decimal = true;
                s.push('.');
            }
        } else if matches!(c, '%' | '\u{066A}' | '\u{2030}') {
            break;
        } else {
            return None;
        }
    }
    s.parse().ok()
}

/// Look up a number word, allowing the proclitics و and ب before it.
fn word_value(norm: &str) -> Option<WordValue> {
    let words = number_words();
    if let Some(v) = words.get(norm) {
        return Some(*v);
    }
    // the proclitic letters و and ب
    for p in ['و', 'ب'] {
        if let Some(rest) = norm.strip_prefix(p) {
            if let Some(v) = words.get(rest) {
                return Some(*v);
            }
        }
    }
    None
}

/// The phrases after a number that make it a percentage (`data/text/percent_phrases.txt`),
/// normalised, each as its words.
fn percent_phrases() -> &'static [Vec<String>] {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        include_str!("../../../data/text/percent_phrases.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| crate::normalize_str(l).split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// Find every number expression in a tokenised text.
pub fn find_numbers(text: &str, tokens: &Tokens) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // Approximator phrase before a number.
        let mut approx_len = 0;
        let approx = approximators();
        let t0 = tokens.norm(i);
        let may_start = approx.first_words.contains(t0) || t0.strip_prefix('و').is_some_and(|t| approx.first_words.contains(t));
        for phrase in approx.phrases.iter().filter(|_| may_start) {
            let matches = |k: usize, w: &String| {
                let t = tokens.norm(i + k);
                // "وأكثر من", "وحوالي": the conjunction may be attached to the first word.
                t == w || (k == 0 && t.strip_prefix('و') == Some(w.as_str()))
            };
            if i + phrase.len() < n && phrase.iter().enumerate().all(|(k, w)| matches(k, w)) {
                approx_len = phrase.len();
                break;
            }
        }
        let j = i + approx_len;
        if let Some((value, mut end, approx_word, mut percent)) = number_at(text, tokens, j) {
            // "15 في المئة" / "15 بالمئة" / "15 بالمائة"
            for phrase in percent_phrases() {
                if end + phrase.len() <= n && phrase.iter().enumerate().all(|(k, w)| tokens.norm(end + k) == w) {
                    percent = true;
                    end += phrase.len();
                    break;
                }
            }
            out.push(NumberExpr { tokens: i..end, value, approx: approx_len > 0 || approx_word, percent });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A number starting at token `i`: (value, end token, approximate, percent).
fn number_at(text: &str, tokens: &Tokens, i: usize) -> Option<(f64, usize, bool, bool)> {
    let t = tokens.get(i)?;
    match t.kind {
        TokenKind::Number => {
            let raw = tokens.text(text, i);
            let v = parse_number_token(raw)?;
            let percent = raw.ends_with(['%', '\u{066A}']) || raw.starts_with(['%', '\u{066A}']);
            let mut end = i + 1;
            let mut value = v;
            // "2.5 مليون", "3 آلاف"
            if end < tokens.len() {
                if let Some(w) = word_value(tokens.norm(end)) {
                    if w.multiplier {
                        value *= w.value;
                        end += 1;
                    }
                }
            }
            Some((value, end, false, percent))
        }
        TokenKind::Word => {
            let w = word_value(tokens.norm(i))?;
            let mut value = w.value;
            let mut approx = w.approx;
            let mut end = i + 1;
            // Compound number words: "ثلاثة وعشرين", "خمسة آلاف", "مئات الآلاف".
            while end < tokens.len() {
                let Some(next) = word_value(tokens.norm(end)) else { break };
                if next.multiplier && next.value > value {
                    value *= next.value;
                } else if tokens.norm(end).starts_with('و') && next.value < 1000.0 && !next.approx {
                    value += next.value;
                } else {
                    break;
                }
                // "خمسة آلاف" is exact: a multiplier is vague only on its own.
                approx |= next.approx && !next.multiplier;
                end += 1;
            }
            Some((value, end, approx, false))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_phrases_are_loaded_normalised() {
        let p = percent_phrases();
        assert!(p.iter().any(|x| x.len() == 2) && p.iter().any(|x| x.len() == 1));
        for phrase in p {
            for w in phrase {
                assert_eq!(*w, crate::normalize_str(w));
            }
        }
    }

    #[test]
    fn a_one_word_percent_phrase_ends_the_number() {
        let text = "ارتفع بنسبة 12 بالمئة أمس";
        let tokens = crate::tokenize(text);
        let n = find_numbers(text, &tokens);
        assert_eq!(n.len(), 1);
        assert!(n[0].percent);
        assert_eq!(tokens.norm(n[0].tokens.end - 1), "بالمئه");
    }
}
