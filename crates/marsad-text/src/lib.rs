//! # marsad-text
//!
//! The Arabic text layer of marsad: everything the annotators need to read a
//! news article, with no I/O and no knowledge of entities or events.
//!
//! * [`normalize`]: matching normalisation that keeps an alignment to the
//!   original text ([`Normalized`]), and [`normalize_str`] for lexicon keys.
//! * [`token`]: words, numbers, punctuation, quotation marks, URLs, hashtags,
//!   handles and emoji, with code-point and byte offsets ([`tokenize`]).
//! * [`sentence`]: sentence splitting that respects quotations, numbers and
//!   abbreviations ([`split_sentences`]).
//! * [`clitic`]: proclitic and enclitic segmentation ([`segment_word`] on the
//!   original word, [`segment_normalized_word`] on a normalised form), guided
//!   by a word-frequency lexicon built from the ANT news corpus
//!   (`data/text/word_freq.tsv`, see `examples/build_lexicon.rs`), a list of
//!   protected stems, a list of pronoun hosts and the morpheme inventory
//!   (`data/text/morphemes.tsv`: pronouns, endings, prefixes). Accuracy:
//!   `cargo run --release -p marsad-text --example seg_eval`.
//! * [`number`]: digits and number words to values, approximations flagged.
//!
//! **Offsets.** Every offset this crate hands out is either a code-point
//! offset into the exact input (`start`/`end`, what the JSON contract uses) or
//! a byte offset (`byte_start`/`byte_end`, for slicing a `&str`). Normalised
//! text is only ever used for matching.

pub mod chars;
pub mod clitic;
pub mod fast_hash;
pub mod vocab;
pub mod lists;
pub mod normalize;
pub mod number;
pub mod sentence;
pub mod token;

pub use clitic::{segment_normalized_word, segment_word, Segment, SegmentCache, SegmentKind, Segmentation};
pub use lists::{ends_with_any, starts_with_any, tagged_rows};
pub use fast_hash::{EndingFilter, FastBuild, FastHasher, FastMap, FastSet, ShapeFilter, WordSet, WordTable};
pub use normalize::{normalize_str, normalize_str_with, NormalizeOptions, Normalized};
pub use number::{find_numbers, parse_number_token, NumberExpr};
pub use sentence::split_sentences;
pub use token::{tokenize, Token, TokenKind, Tokens};

/// Converts between byte offsets and code-point offsets of one text.
///
/// Building it is one pass over the text; look-ups are O(log n) from bytes to
/// code points and O(1) from code points to bytes.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of each code point, plus the text length at the end.
    byte_of_char: Vec<u32>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        // Every byte that is not a UTF-8 continuation byte (0b10xx_xxxx)
        // starts a code point. Eight bytes are classified at once, and only
        // the starts are visited: no branch per byte, which in a text mixing
        // one- and two-byte characters would be unpredictable.
        const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let mut byte_of_char = Vec::with_capacity(bytes.len() + 1);
        let mut chunks = bytes.chunks_exact(8);
        let mut base = 0u32;
        for chunk in &mut chunks {
            let w = u64::from_le_bytes(chunk.try_into().expect("chunks of eight bytes"));
            // Bit 7 of each byte: set for a continuation byte (bit 7 set, bit 6 clear).
            let continuation = w & !(w << 1) & HIGH_BITS;
            let mut starts = !continuation & HIGH_BITS;
            while starts != 0 {
                byte_of_char.push(base + starts.trailing_zeros() / 8);
                starts &= starts - 1;
            }
            base += 8;
        }
        for (i, &byte) in chunks.remainder().iter().enumerate() {
            if (byte as i8) >= -0x40 {
                byte_of_char.push(base + i as u32);
            }
        }
        byte_of_char.push(text.len() as u32);
        OffsetMap { byte_of_char }
    }
    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.byte_of_char.len() - 1
    }
    /// Byte offset of code point `c` (clamped to the text length).
    pub fn byte(&self, c: usize) -> usize {
        self.byte_of_char[c.min(self.byte_of_char.len() - 1)] as usize
    }
    /// Code-point offset of byte `b` (the code point containing it).
    pub fn char(&self, b: usize) -> usize {
        self.byte_of_char.partition_point(|&x| (x as usize) <= b).saturating_sub(1)
    }
    /// The text of a code-point span.
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.byte(start), self.byte(end.max(start)));
        &text[s..e]
    }
}
