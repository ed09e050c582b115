//! Sentence splitting that respects quotations, numbers and abbreviations.
//!
//! Works on tokens, so "2.5" (one number token) and "U.S." (one Latin token)
//! never end a sentence. A sentence-final mark inside an open quotation does
//! not end the sentence: the quotation is part of the sentence that reports
//! it. A line break always ends a sentence (news paragraphs are sentences or
//! groups of sentences) and closes any quotation left open by a typo.
//!
//! Data: the titles whose dot is no full stop and the era letters after a
//! year (1950م.) are in `data/text/abbreviations.tsv`.

use crate::chars;
use crate::token::{TokenKind, Tokens};
use std::ops::Range;
use std::sync::OnceLock;

/// The word lists of `data/text/abbreviations.tsv` (normalised).
struct SentenceWords {
    /// Titles whose dot does not end a sentence (`abbreviation`).
    abbreviations: Vec<String>,
    /// Era letters after a year (`era_letter`).
    era_letters: Vec<String>,
}

fn sentence_words() -> &'static SentenceWords {
    static WORDS: OnceLock<SentenceWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = SentenceWords { abbreviations: Vec::new(), era_letters: Vec::new() };
        for (list, form, _) in crate::lists::tagged_rows(include_str!("../../../data/text/abbreviations.tsv")) {
            match list {
                "abbreviation" => w.abbreviations.push(crate::normalize_str(form)),
                "era_letter" => w.era_letters.push(crate::normalize_str(form)),
                _ => {}
            }
        }
        w
    })
}

/// Abbreviations whose dot does not end a sentence (normalised forms).
fn is_abbreviation(norm: &str) -> bool {
    // One Arabic letter ("د." doctor, "م." AD, "ه." AH, "ص." page) or a listed title.
    let n = norm.chars().count();
    n == 1 || sentence_words().abbreviations.iter().any(|a| a == norm)
}

/// Tokens after which an unclosed bracket no longer blocks sentence ends.
const MAX_BRACKET_TOKENS: usize = 60;

/// Split the tokens into sentences; returns code-point ranges of the original
/// text, each from the first token's start to the last token's end.
pub fn split_sentences(text: &str, tokens: &Tokens) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let n = tokens.len();
    if n == 0 {
        return out;
    }
    let mut first = 0usize;
    let mut quote_stack: Vec<char> = Vec::new();
    let mut paren_depth = 0usize;
    let mut paren_since = 0usize;
    let mut i = 0usize;
    while i < n {
        if i > first && tokens.newline_before(i) {
            out.push(tokens[first].start as usize..tokens[i - 1].end as usize);
            first = i;
            quote_stack.clear();
            paren_depth = 0;
        }
        let t = tokens[i];
        // Only quotation marks and punctuation change the state: a word
        // (most tokens) is not even sliced.
        let raw = if matches!(t.kind, TokenKind::Quote | TokenKind::Punct) { tokens.text(text, i) } else { "" };
        match t.kind {
            TokenKind::Quote => {
                let c = raw.chars().next().unwrap_or('"');
                if chars::is_opening_quote(c) {
                    quote_stack.push(c);
                } else if chars::is_closing_quote(c) {
                    quote_stack.pop();
                } else if c == '"' || c == '\u{FF02}' {
                    if quote_stack.last() == Some(&'"') {
                        quote_stack.pop();
                    } else {
                        quote_stack.push('"');
                    }
                }
            }
            TokenKind::Punct if matches!(raw, "(" | "[" | "{") => {
                if paren_depth == 0 {
                    paren_since = i;
                }
                paren_depth += 1;
            }
            TokenKind::Punct if matches!(raw, ")" | "]" | "}") => paren_depth = paren_depth.saturating_sub(1),
            // A full stop inside brackets does not end the sentence, unless the
            // bracket was left open long ago (a typo must not glue a paragraph).
            TokenKind::Punct
                if quote_stack.is_empty()
                    && (paren_depth == 0 || i - paren_since > MAX_BRACKET_TOKENS)
                    && raw.chars().all(chars::is_sentence_final) =>
            {
                let glued_to_prev = i > first && tokens[i - 1].end == t.start;
                // "عام 1950م." : the era letter after a year is no abbreviation of a name.
                let era_after_year = i >= 2
                    && tokens[i - 2].kind == TokenKind::Number
                    && sentence_words().era_letters.iter().any(|e| e == tokens.norm(i - 1));
                let abbreviation = raw == "."
                    && glued_to_prev
                    && !era_after_year
                    && matches!(tokens[i - 1].kind, TokenKind::Word | TokenKind::Latin)
                    && is_abbreviation(tokens.norm(i - 1));
                // "1." numbering a list item at the start of a line.
                let list_number = raw == "." && glued_to_prev && i == first + 1 && tokens[first].kind == TokenKind::Number;
                // An ellipsis marks a pause, not the end of a sentence.
                let ellipsis = raw.chars().all(|c| c == '.' || c == '\u{2026}') && (raw.chars().count() > 1 || raw == "\u{2026}");
                if !abbreviation && !list_number && !ellipsis {
                    // Keep closing quotes and brackets that follow the mark.
                    let mut j = i + 1;
                    while j < n
                        && !tokens.newline_before(j)
                        && (tokens[j].kind == TokenKind::Quote && !tokens.text(text, j).starts_with(chars::is_opening_quote)
                            || matches!(tokens.text(text, j), ")" | "]" | "}")
                            || tokens[j].kind == TokenKind::Punct && tokens.text(text, j).chars().all(chars::is_sentence_final))
                    {
                        j += 1;
                    }
                    if j < n {
                        out.push(tokens[first].start as usize..tokens[j - 1].end as usize);
                        first = j;
                        paren_depth = 0;
                        i = j;
                        continue;
                    }
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if first < n {
        out.push(tokens[first].start as usize..tokens[n - 1].end as usize);
    }
    out
}
