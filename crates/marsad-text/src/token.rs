//! Tokenisation of Arabic news text.
//!
//! Tokens are found on the *original* text, so their offsets are exact by
//! construction; each token also carries its normalised form (see
//! [`crate::normalize`]) for lexicon look-ups. Diacritics, tatweel and
//! zero-width joiners stay inside the word they decorate.

use crate::chars;
use crate::normalize::normalize_into;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word in Arabic script (with its clitics still attached).
    Word,
    /// A word in another alphabetic script (Latin, Cyrillic…), possibly with digits.
    Latin,
    /// Digits in any script, with decimal/thousands separators and an optional percent sign.
    Number,
    /// A quotation mark of any kind.
    Quote,
    /// Other punctuation.
    Punct,
    /// A web address.
    Url,
    /// `#word`.
    Hashtag,
    /// `@handle`.
    Mention,
    /// An emoji (with its modifiers and joiners).
    Emoji,
    /// Anything else (symbols, currency signs, stray marks).
    Symbol,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Latin => "latin",
            TokenKind::Number => "number",
            TokenKind::Quote => "quote",
            TokenKind::Punct => "punct",
            TokenKind::Url => "url",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
            TokenKind::Symbol => "symbol",
        }
    }

    /// Words, Latin words and numbers: tokens that carry content.
    pub fn is_wordlike(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
    }
}

/// One token: code-point and byte offsets into the original text, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Code-point offset of the first character (inclusive).
    pub start: u32,
    /// Code-point offset after the last character (exclusive).
    pub end: u32,
    /// Byte offset of the first character in the original UTF-8 text.
    pub byte_start: u32,
    /// Byte offset after the last character.
    pub byte_end: u32,
    pub kind: TokenKind,
    norm_start: u32,
    norm_end: u32,
}

impl Token {
    /// Code-point range in the original text.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Byte range in the original text.
    #[inline]
    pub fn byte_range(&self) -> Range<usize> {
        self.byte_start as usize..self.byte_end as usize
    }
}

/// The tokens of a text, with their normalised forms stored in one buffer.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    items: Vec<Token>,
    norm: String,
    /// Whether a line break (a paragraph or line boundary) precedes token i.
    newline_before: Vec<bool>,
    /// Each token's word id in the vocabulary `vocabulary` (see [`crate::vocab`]).
    word_ids: Vec<u32>,
    /// Stamp of the vocabulary of `word_ids` (0: none).
    vocabulary: u64,
}

impl Tokens {
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.items.get(i)
    }
    #[inline]
    pub fn as_slice(&self) -> &[Token] {
        &self.items
    }
    pub fn iter(&self) -> std::slice::Iter<'_, Token> {
        self.items.iter()
    }
    /// The normalised form of token `i` (see [`crate::normalize_str`]).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.items[i];
        &self.norm[t.norm_start as usize..t.norm_end as usize]
    }
    /// The original text of token `i`.
    #[inline]
    pub fn text<'a>(&self, source: &'a str, i: usize) -> &'a str {
        &source[self.items[i].byte_range()]
    }
    /// Whether a line break separates token `i` from the token before it.
    #[inline]
    pub fn newline_before(&self, i: usize) -> bool {
        self.newline_before.get(i).copied().unwrap_or(false)
    }
    /// The id of token `i`'s normalised form in this thread's vocabulary
    /// (equal forms, equal ids; see [`crate::vocab`]), once
    /// [`Tokens::assign_word_ids`] has run.
    #[inline]
    pub fn word_id(&self, i: usize) -> Option<u32> {
        self.word_ids.get(i).copied()
    }
    /// Give every token the id of its normalised form in this thread's
    /// vocabulary (see [`crate::vocab`]). Not part of [`tokenize`]: it
    /// serves the annotators' per-word memos, and costs a table probe per
    /// token that plain tokenising does not need.
    pub fn assign_word_ids(&mut self) {
        crate::vocab::with_vocabulary(|v| {
            self.vocabulary = v.stamp();
            // look-ups first, then the new words: a loop of independent
            // probes keeps several cache misses in flight, where entering a
            // new word between them would serialise them
            let mut ids: Vec<u32> = (0..self.items.len()).map(|i| v.known(self.norm(i))).collect();
            for (i, id) in ids.iter_mut().enumerate() {
                if *id == crate::vocab::UNKNOWN {
                    *id = v.id(self.norm(i));
                }
            }
            self.word_ids = ids;
        });
    }
    /// Stamp of the vocabulary the word ids belong to (0: none).
    #[inline]
    pub fn vocabulary(&self) -> u64 {
        self.vocabulary
    }
    /// Index of the first token whose end is after code-point offset `pos`.
    #[inline]
    pub fn index_at(&self, pos: usize) -> usize {
        self.items.partition_point(|t| (t.end as usize) <= pos)
    }
}

impl std::ops::Index<usize> for Tokens {
    type Output = Token;
    #[inline]
    fn index(&self, i: usize) -> &Token {
        &self.items[i]
    }
}

/// A cursor over the characters of the text with both offsets.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    chr: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.text[self.byte..].chars().next()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.byte..].chars().nth(n)
    }
    /// Step over `c`, the character at the cursor (as returned by `peek`).
    #[inline]
    fn advance(&mut self, c: char) {
        self.byte += c.len_utf8();
        self.chr += 1;
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.byte += c.len_utf8();
        self.chr += 1;
        Some(c)
    }
    fn rest(&self) -> &'a str {
        &self.text[self.byte..]
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && !chars::is_arabic_letter(c) && !chars::is_word_continuation(c)
}

fn starts_url(rest: &str) -> bool {
    let b = rest.as_bytes();
    let starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    matches!(b.first(), Some(b'h' | b'H' | b'w' | b'W')) && (starts(b"http://") || starts(b"https://") || starts(b"www."))
}

fn is_url_trailing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '"') || chars::is_quote_mark(c) || !c.is_ascii()
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens {
        items: Vec::with_capacity(text.len() / 6 + 1),
        norm: String::with_capacity(text.len()),
        newline_before: Vec::with_capacity(text.len() / 6 + 1),
        word_ids: Vec::new(),
        vocabulary: 0,
    };
    let mut cur = Cursor { text, byte: 0, chr: 0 };
    let mut saw_newline = false;
    while let Some(c) = cur.peek() {
        let (b0, c0) = (cur.byte, cur.chr);
        // Most tokens start with a letter of the basic Arabic alphabet, which
        // is neither space, control nor the start of an address: test it first.
        let basic_letter = matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}');
        if !basic_letter
            && (c == ' ' || c.is_whitespace() || chars::is_invisible_control(c) && c != '\u{200C}' && c != '\u{200D}')
        {
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                saw_newline = true;
            }
            cur.advance(c);
            continue;
        }
        let kind = if !basic_letter && starts_url(cur.rest()) {
            while let Some(d) = cur.peek() {
                if d.is_whitespace() || (!d.is_ascii() && !d.is_alphanumeric()) {
                    break;
                }
                cur.bump();
            }
            // Trailing sentence punctuation belongs to the sentence, not the address.
            while cur.byte > b0 {
                let last = text[b0..cur.byte].chars().next_back().unwrap();
                if is_url_trailing_punct(last) {
                    cur.byte -= last.len_utf8();
                    cur.chr -= 1;
                } else {
                    break;
                }
            }
            TokenKind::Url
        } else if basic_letter || chars::is_arabic_letter(c) || chars::is_word_continuation(c) {
            // The hot path: scans and normalises in one pass.
            let norm_start = out.norm.len() as u32;
            scan_arabic_word(&mut cur, &mut out.norm);
            out.items.push(Token {
                start: c0 as u32,
                end: cur.chr as u32,
                byte_start: b0 as u32,
                byte_end: cur.byte as u32,
                kind: TokenKind::Word,
                norm_start,
                norm_end: out.norm.len() as u32,
            });
            out.newline_before.push(saw_newline);
            saw_newline = false;
            // Most words are followed by one plain space: step over it here
            // rather than through the loop's general tests.
            if text.as_bytes().get(cur.byte) == Some(&b' ') {
                cur.advance(' ');
            }
            continue;
        } else if chars::is_digit(c) || (matches!(c, '%' | '\u{066A}') && cur.peek_at(1).is_some_and(chars::is_digit)) {
            // "%70" as right-to-left text often writes it.
            if !chars::is_digit(c) {
                cur.bump();
            }
            scan_number(&mut cur);
            TokenKind::Number
        } else if is_latin_letter(c) {
            scan_latin_word(&mut cur);
            TokenKind::Latin
        } else if (c == '#' || c == '@')
            && cur.peek_at(1).is_some_and(|d| d.is_alphanumeric() || d == '_')
        {
            cur.bump();
            if c == '#' {
                while let Some(d) = cur.peek() {
                    if d.is_alphanumeric() || d == '_' || chars::is_word_continuation(d) {
                        cur.bump();
                    } else {
                        break;
                    }
                }
                TokenKind::Hashtag
            } else {
                while let Some(d) = cur.peek() {
                    if d.is_ascii_alphanumeric() || d == '_' || d == '.' && cur.peek_at(1).is_some_and(|e| e.is_ascii_alphanumeric()) {
                        cur.bump();
                    } else {
                        break;
                    }
                }
                TokenKind::Mention
            }
        } else if chars::is_quote_mark(c) {
            cur.bump();
            TokenKind::Quote
        } else if chars::is_emoji(c) {
            cur.bump();
            while let Some(d) = cur.peek() {
                if chars::is_emoji_modifier(d) {
                    cur.bump();
                    if d == '\u{200D}' && cur.peek().is_some_and(chars::is_emoji) {
                        cur.bump();
                    }
                } else if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) && ('\u{1F1E6}'..='\u{1F1FF}').contains(&d) && cur.chr - c0 == 1 {
                    cur.bump(); // flag: a pair of regional indicators
                } else {
                    break;
                }
            }
            TokenKind::Emoji
        } else if c == '.' && cur.peek_at(1) == Some('.') {
            while cur.peek() == Some('.') {
                cur.bump();
            }
            TokenKind::Punct
        } else if is_punctuation(c) {
            cur.bump();
            TokenKind::Punct
        } else {
            cur.bump();
            // Combining marks after a symbol stay with it.
            while cur.peek().is_some_and(chars::is_word_continuation) {
                cur.bump();
            }
            TokenKind::Symbol
        };
        let norm_start = out.norm.len() as u32;
        normalize_into(&text[b0..cur.byte], &mut out.norm);
        out.items.push(Token {
            start: c0 as u32,
            end: cur.chr as u32,
            byte_start: b0 as u32,
            byte_end: cur.byte as u32,
            kind,
            norm_start,
            norm_end: out.norm.len() as u32,
        });
        out.newline_before.push(saw_newline);
        saw_newline = false;
    }
    out
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{FD3E}' | '\u{FD3F}' | '\u{00A1}' | '\u{00BF}' | '\u{00B7}')
}

/// Scan an Arabic word and append its normalised form to `norm`. Two-byte
/// characters of the Arabic block (nearly all of a news text) go through a
/// lookup table; anything else (presentation forms, joiners, other blocks)
/// through the general normaliser. Most letters are their own normalised
/// form, so a run of them is copied in one go rather than pushed one by one.
fn scan_arabic_word(cur: &mut Cursor, norm: &mut String) {
    let (end, chars) = scan_arabic_word_at(cur.text, cur.byte, norm);
    cur.byte = end;
    cur.chr += chars;
}

/// [`scan_arabic_word`] from byte `start`; returns the byte offset after the
/// word and its length in code points. Kept out of line: with the whole
/// tokeniser around it the loop's state would not stay in registers.
#[inline(never)]
fn scan_arabic_word_at(text: &str, start: usize, norm: &mut String) -> (usize, usize) {
    use crate::normalize::BlockEntry;
    let bytes = text.as_bytes();
    let table = crate::normalize::arabic_block_table();
    let mut i = start;
    let mut n = 0usize;
    // Start of the pending run of unchanged characters, not yet copied.
    let mut run = i;
    loop {
        // The common case: letters of the Arabic block that normalisation
        // leaves alone (a lead byte D8..DB and one continuation byte).
        let mut rest = bytes.get(i..).unwrap_or_default();
        let entry = loop {
            let [b, c, ..] = *rest else { break None };
            if b & 0xFC != 0xD8 {
                break None;
            }
            let entry = table[(usize::from(b & 0x03) << 6) | usize::from(c & 0x3F)];
            if entry != BlockEntry::Same {
                break Some(entry);
            }
            rest = &rest[2..];
            n += 1;
        };
        i = bytes.len() - rest.len();
        match entry {
            Some(BlockEntry::NotWord) => break,
            Some(entry) => {
                norm.push_str(&text[run..i]);
                if let BlockEntry::Keep(m) = entry {
                    norm.push(m);
                }
                i += 2;
            }
            None => {
                // No ASCII character belongs to an Arabic word: the usual end
                // (a space or punctuation) is decided without decoding.
                if rest.first().is_none_or(u8::is_ascii) {
                    break;
                }
                // Outside the Arabic block.
                let Some(d) = text[i..].chars().next() else { break };
                if !(chars::is_arabic_letter(d) || chars::is_word_continuation(d)) {
                    break;
                }
                norm.push_str(&text[run..i]);
                normalize_into(&text[i..i + d.len_utf8()], norm);
                i += d.len_utf8();
            }
        }
        n += 1;
        run = i;
    }
    norm.push_str(&text[run..i]);
    (i, n)
}

fn scan_latin_word(cur: &mut Cursor) {
    // Letters and digits; an apostrophe between letters (don't); dots in a
    // dotted abbreviation made of single letters (U.S., U.N.).
    let mut segment_len = 0usize;
    let mut dotted = false;
    while let Some(d) = cur.peek() {
        if d.is_alphanumeric() && !chars::is_arabic_letter(d) && !chars::is_digit(d) || d.is_ascii_digit() {
            cur.bump();
            segment_len += 1;
        } else if matches!(d, '\'' | '\u{2019}') && segment_len > 0 && cur.peek_at(1).is_some_and(is_latin_letter) {
            cur.bump();
            segment_len = 0;
        } else if d == '.' && segment_len == 1 && cur.peek_at(1).is_some_and(is_latin_letter)
            && !cur.peek_at(2).is_some_and(is_latin_letter)
        {
            cur.bump();
            segment_len = 0;
            dotted = true;
        } else {
            break;
        }
    }
    if dotted && segment_len == 1 && cur.peek() == Some('.') {
        cur.bump();
    }
}

fn scan_number(cur: &mut Cursor) {
    while let Some(d) = cur.peek() {
        if chars::is_digit(d) {
            cur.bump();
        } else if matches!(d, '.' | ',' | '\u{066B}' | '\u{066C}' | '\u{060C}') && cur.peek_at(1).is_some_and(chars::is_digit) {
            // A separator counts only between digits (2.5, 2٫5, 1,000); "2014، و" stays apart.
            if d == '\u{060C}' {
                break;
            }
            cur.bump();
        } else {
            break;
        }
    }
    if matches!(cur.peek(), Some('%' | '\u{066A}' | '\u{2030}')) {
        cur.bump();
    }
}
