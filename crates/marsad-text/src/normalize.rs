//! Normalisation for matching, with an alignment back to the original text.
//!
//! Arabic news spells one word many ways: with or without diacritics, with
//! tatweel, with any of four alef forms, with ى or ي, ة or ه, Arabic-Indic or
//! Western digits, presentation-form ligatures, invisible bidi marks. Lexicons
//! are matched against a *normalised* string, but every span we report must
//! point into the *original* text. [`Normalized`] therefore keeps, for every
//! character it outputs, the code-point offset of the original character it
//! came from (like the alignment of HF tokenizers' `NormalizedString`).

use crate::chars::{self, TATWEEL};
use unicode_normalization::UnicodeNormalization;

/// Which foldings to apply. [`NormalizeOptions::default`] is the matching
/// normalisation used by every lexicon in marsad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks.
    pub strip_diacritics: bool,
    /// Remove tatweel (kashida).
    pub strip_tatweel: bool,
    /// Remove bidi controls, zero-width characters, BOM and soft hyphens.
    pub strip_controls: bool,
    /// أ إ آ ٱ ٲ ٳ → ا
    pub unify_alef: bool,
    /// ى and Persian/Farsi yeh → ي
    pub unify_yeh: bool,
    /// ة → ه
    pub unify_teh_marbuta: bool,
    /// Arabic-Indic and Persian digits → ASCII digits.
    pub unify_digits: bool,
    /// Arabic punctuation, quotation marks, dashes and odd spaces → one ASCII form each.
    pub unify_punctuation: bool,
    /// Presentation forms (ligatures such as ﻻ) → their letters.
    pub decompose_presentation_forms: bool,
    /// Lower-case Latin letters; keheh and Persian letters → Arabic ones.
    pub fold_case: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            strip_diacritics: true,
            strip_tatweel: true,
            strip_controls: true,
            unify_alef: true,
            unify_yeh: true,
            unify_teh_marbuta: true,
            unify_digits: true,
            unify_punctuation: true,
            decompose_presentation_forms: true,
            fold_case: true,
        }
    }
}

/// What normalisation does to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Drop,
    Keep(char),
    Decompose,
}

#[inline]
fn fold_char(c: char, o: &NormalizeOptions) -> Fold {
    // Fast path: Arabic letters no option changes.
    if matches!(c, '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}') {
        return Fold::Keep(c);
    }
    if c.is_ascii() {
        if o.fold_case && c.is_ascii_uppercase() {
            return Fold::Keep(c.to_ascii_lowercase());
        }
        return Fold::Keep(c);
    }
    if chars::is_arabic_mark(c) {
        return if o.strip_diacritics { Fold::Drop } else { Fold::Keep(c) };
    }
    if c == TATWEEL {
        return if o.strip_tatweel { Fold::Drop } else { Fold::Keep(c) };
    }
    if chars::is_invisible_control(c) {
        return if o.strip_controls { Fold::Drop } else { Fold::Keep(c) };
    }
    if chars::is_presentation_form(c) && o.decompose_presentation_forms {
        return Fold::Decompose;
    }
    let mapped = match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' if o.unify_alef => '\u{0627}',
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' if o.unify_yeh => '\u{064A}',
        '\u{0629}' if o.unify_teh_marbuta => '\u{0647}',
        '\u{06C0}' | '\u{06C1}' | '\u{06D5}' if o.unify_teh_marbuta => '\u{0647}',
        '\u{06A9}' | '\u{06AA}' if o.fold_case => '\u{0643}',
        '\u{0660}'..='\u{0669}' if o.unify_digits => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' if o.unify_digits => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{060C}' | '\u{066C}' | '\u{FF0C}' | '\u{3001}' if o.unify_punctuation => ',',
        '\u{061B}' if o.unify_punctuation => ';',
        '\u{061F}' | '\u{FF1F}' if o.unify_punctuation => '?',
        '\u{066A}' | '\u{FF05}' if o.unify_punctuation => '%',
        '\u{066B}' | '\u{06D4}' if o.unify_punctuation => '.',
        '\u{FF01}' if o.unify_punctuation => '!',
        '\u{2010}'..='\u{2015}' | '\u{2212}' if o.unify_punctuation => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' if o.unify_punctuation => ' ',
        q if o.unify_punctuation && chars::is_quote_mark(q) => '"',
        other => {
            if o.fold_case && other.is_uppercase() {
                let mut lower = other.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => other,
                }
            } else {
                other
            }
        }
    };
    Fold::Keep(mapped)
}

/// Normalise a string without keeping the alignment (lexicon keys, queries).
pub fn normalize_str(input: &str) -> String {
    normalize_str_with(input, &NormalizeOptions::default())
}

/// [`normalize_str`] with explicit options.
pub fn normalize_str_with(input: &str, o: &NormalizeOptions) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        push_folded(c, o, &mut out, &mut |_| {});
    }
    out
}

/// For each code point of the Arabic block U+0600–U+06FF: what the
/// tokeniser does with it inside a word. Built once from [`fold_char`] and
/// the character classes, so the fast path cannot disagree with them.
// `repr(u8)`: the tag is a byte of its own, so the tokeniser's test for
// `Same` is one compare (with a niche in the `char` it took three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum BlockEntry {
    /// Not part of an Arabic word (punctuation, digits…).
    NotWord,
    /// Part of the word, removed by normalisation (diacritics, tatweel).
    Drop,
    /// Part of the word, unchanged by normalisation (most letters): a run of
    /// these is copied to the normalised text in one go.
    Same,
    /// Part of the word, normalised to this character.
    Keep(char),
}

pub(crate) fn arabic_block_table() -> &'static [BlockEntry; 256] {
    static TABLE: std::sync::OnceLock<[BlockEntry; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let o = NormalizeOptions::default();
        let mut t = [BlockEntry::NotWord; 256];
        for (i, entry) in t.iter_mut().enumerate() {
            let c = char::from_u32(0x600 + i as u32).expect("the Arabic block has no surrogates");
            if !(chars::is_arabic_letter(c) || chars::is_word_continuation(c)) {
                continue;
            }
            *entry = match fold_char(c, &o) {
                Fold::Drop => BlockEntry::Drop,
                Fold::Keep(m) if m == c => BlockEntry::Same,
                Fold::Keep(m) => BlockEntry::Keep(m),
                // No presentation forms in this block: keep the slow path's answer.
                Fold::Decompose => BlockEntry::NotWord,
            };
        }
        t
    })
}

/// Append the default normalisation of `input` to `out` (no allocation when
/// `out` has room).
pub(crate) fn normalize_into(input: &str, out: &mut String) {
    let o = NormalizeOptions::default();
    for c in input.chars() {
        match fold_char(c, &o) {
            Fold::Drop => {}
            Fold::Keep(m) => out.push(m),
            Fold::Decompose => push_folded(c, &o, out, &mut |_| {}),
        }
    }
}

/// Append the normalised form of `c` to `out`, calling `on_push` once per
/// character pushed (the alignment bookkeeping of [`Normalized`]).
fn push_folded(c: char, o: &NormalizeOptions, out: &mut String, on_push: &mut dyn FnMut(char)) {
    match fold_char(c, o) {
        Fold::Drop => {}
        Fold::Keep(m) => {
            out.push(m);
            on_push(m);
        }
        Fold::Decompose => {
            // NFKC turns a ligature or positional form into plain letters;
            // each of those is then folded like any other character.
            for d in std::iter::once(c).nfkc() {
                match fold_char(d, o) {
                    Fold::Drop => {}
                    Fold::Keep(m) => {
                        out.push(m);
                        on_push(m);
                    }
                    // NFKC output is never a presentation form.
                    Fold::Decompose => {
                        out.push(d);
                        on_push(d);
                    }
                }
            }
        }
    }
}

/// A normalised string that remembers where each of its characters came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// For each normalised character: the code-point offset of its original character.
    origin: Vec<u32>,
    /// For each normalised character: the end (exclusive) of the original text it
    /// stands for, extended over marks and tatweel that normalisation dropped after it.
    origin_end: Vec<u32>,
    /// Number of code points in the original text.
    original_len: u32,
}

impl Normalized {
    /// Normalise `input` with the default options.
    pub fn new(input: &str) -> Self {
        Self::with_options(input, &NormalizeOptions::default())
    }

    pub fn with_options(input: &str, o: &NormalizeOptions) -> Self {
        let mut text = String::with_capacity(input.len());
        let mut origin: Vec<u32> = Vec::with_capacity(input.len());
        let mut origin_end: Vec<u32> = Vec::with_capacity(input.len());
        let mut idx: u32 = 0;
        for c in input.chars() {
            match fold_char(c, o) {
                Fold::Keep(m) => {
                    text.push(m);
                    origin.push(idx);
                    origin_end.push(idx + 1);
                }
                Fold::Drop => {
                    if chars::is_word_continuation(c) {
                        if let Some(last) = origin_end.last_mut() {
                            if *last == idx {
                                *last = idx + 1;
                            }
                        }
                    }
                }
                Fold::Decompose => {
                    push_folded(c, o, &mut text, &mut |_| {
                        origin.push(idx);
                        origin_end.push(idx + 1);
                    });
                }
            }
            idx += 1;
        }
        Normalized { text, origin, origin_end, original_len: idx }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of code points in the normalised text.
    pub fn len(&self) -> usize {
        self.origin.len()
    }

    pub fn is_empty(&self) -> bool {
        self.origin.is_empty()
    }

    /// Number of code points in the original text.
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }

    /// Map a code-point span `[start, end)` of the normalised text to the
    /// code-point span of the original text that produced it. An empty span
    /// maps to an empty span at the corresponding original position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.origin.len());
        let start = start.min(end);
        if start == end {
            let at = if start < self.origin.len() { self.origin[start] } else { self.original_len };
            return (at as usize, at as usize);
        }
        (self.origin[start] as usize, self.origin_end[end - 1] as usize)
    }

    /// Original code-point offset of normalised character `i`.
    pub fn origin_of(&self, i: usize) -> usize {
        self.origin.get(i).map(|&o| o as usize).unwrap_or(self.original_len as usize)
    }
}
