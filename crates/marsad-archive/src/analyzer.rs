//! The Arabic search analyser: words are normalised with `marsad_text`
//! (diacritics, hamza forms, ى/ي, ة/ه, digits, case), clitics are split with
//! the text layer's segmenter (و ف ب ل ك س ال and pronoun suffixes), and a
//! few plural suffixes are stripped from long stems. Index and query go
//! through the same function, so مفاوضات, المفاوضات and بالمفاوضات share a key.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the analyser is registered in every opened index.
pub const ANALYZER_NAME: &str = "marsad_ar";

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Fast path for the Arabic block (the general Unicode tables are slow).
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return marsad_text::chars::is_arabic_letter(c)
            || marsad_text::chars::is_arabic_mark(c)
            || c == '\u{0640}'
            || ('\u{0660}'..='\u{0669}').contains(&c)
            || ('\u{06F0}'..='\u{06F9}').contains(&c);
    }
    c.is_alphanumeric() || marsad_text::chars::is_arabic_mark(c)
}

fn is_arabic_word(s: &str) -> bool {
    s.chars().next().is_some_and(marsad_text::chars::is_arabic_letter)
}

/// Suffixes removed from a stem when enough letters remain (data/archive/stem_suffixes.tsv).
fn suffixes() -> &'static [(String, usize)] {
    static SUFFIXES: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    SUFFIXES.get_or_init(|| {
        include_str!("../../../data/archive/stem_suffixes.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let suffix = marsad_text::normalize_str(parts.next()?.trim());
                let min_rest = parts.next()?.trim().parse().ok()?;
                (!suffix.is_empty()).then_some((suffix, min_rest))
            })
            .collect()
    })
}

/// The search key of one word (already a single token), or None for an empty one.
pub fn search_key(word: &str) -> Option<String> {
    let norm = marsad_text::normalize_str(word);
    let norm = norm.trim();
    if norm.is_empty() {
        return None;
    }
    if !is_arabic_word(norm) {
        return Some(norm.to_lowercase());
    }
    let seg = marsad_text::segment_normalized_word(norm);
    let stem: String = match seg.stem() {
        Some(s) if !s.form.is_empty() => s.form.clone(),
        _ => norm.to_string(),
    };
    let mut stem = stem.as_str();
    let n = stem.chars().count();
    for (suffix, min_rest) in suffixes() {
        if let Some(rest) = stem.strip_suffix(suffix.as_str()) {
            if n - suffix.chars().count() >= *min_rest {
                stem = rest;
                break;
            }
        }
    }
    Some(stem.to_string())
}

/// Split a text into words: (byte start, byte end) pairs.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if is_word_char(c) {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

/// All search keys of a text, in order (for tests and the query side).
pub fn analyze(text: &str) -> Vec<String> {
    words(text).filter_map(|(a, b)| search_key(&text[a..b])).collect()
}

/// tantivy tokenizer wrapping [`search_key`]; offsets are byte offsets of the
/// original words, so highlighting marks the original text. Each clone keeps
/// a bounded cache of word keys (word frequencies are Zipfian).
#[derive(Clone, Default)]
pub struct ArabicTokenizer {
    cache: std::collections::HashMap<String, Option<String>>,
}

const CACHE_LIMIT: usize = 50_000;

pub struct ArabicTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream {
        let mut tokens = Vec::new();
        for (a, b) in words(text) {
            if b - a > 200 {
                continue;
            }
            let word = &text[a..b];
            let key = match self.cache.get(word) {
                Some(k) => k.clone(),
                None => {
                    let k = search_key(word);
                    if self.cache.len() >= CACHE_LIMIT {
                        self.cache.clear();
                    }
                    self.cache.insert(word.to_string(), k.clone());
                    k
                }
            };
            if let Some(key) = key {
                tokens.push(Token { offset_from: a, offset_to: b, position: tokens.len(), text: key, position_length: 1 });
            }
        }
        ArabicTokenStream { tokens, index: 0 }
    }
}

impl TokenStream for ArabicTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(w: &str) -> String {
        search_key(w).unwrap()
    }

    #[test]
    fn clitics_and_article_share_a_key() {
        assert_eq!(key("المفاوضات"), key("مفاوضات"));
        assert_eq!(key("بالعراق"), key("العراق"));
        assert_eq!(key("للعراق"), key("العراق"));
        assert_eq!(key("القوات"), key("قوات"));
        assert_eq!(key("وبالمفاوضات"), key("مفاوضات"));
    }

    #[test]
    fn suffix_table_loads() {
        assert!(suffixes().len() >= 2);
        assert_eq!(key("مفاوضون"), key("المفاوضات"));
    }

    #[test]
    fn names_are_not_cut() {
        assert_eq!(key("واشنطن"), "واشنطن");
        assert_eq!(key("فلسطين"), "فلسطين");
        assert_eq!(key("لبنان"), "لبنان");
        assert_ne!(key("بغداد"), "غداد");
    }

    #[test]
    fn normalisation_and_latin() {
        assert_eq!(key("أَحْمَد"), key("احمد"));
        assert_eq!(key("Reuters"), "reuters");
        assert_eq!(analyze("قال، «العراق» 2024!"), vec![key("قال"), key("العراق"), "2024".to_string()]);
        assert_eq!(analyze("عام ٢٠٢٤؛ اليوم"), vec![key("عام"), "2024".to_string(), key("اليوم")]);
    }

    #[test]
    fn tokenizer_offsets_are_original_bytes() {
        let text = "وصلت القوات إلى بغداد";
        let mut t = ArabicTokenizer::default();
        let mut s = t.token_stream(text);
        let mut seen = Vec::new();
        while s.advance() {
            let tok = s.token();
            seen.push(text[tok.offset_from..tok.offset_to].to_string());
        }
        assert_eq!(seen, vec!["وصلت", "القوات", "إلى", "بغداد"]);
    }
}
