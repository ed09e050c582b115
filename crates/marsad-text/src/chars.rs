//! Character classes used by every part of the text layer.
//!
//! The classes are defined once here so that the normaliser, the tokeniser
//! and the sentence splitter agree on what a "letter" or a "mark" is.

/// Arabic diacritics and Quranic marks: removed by normalisation, and kept
/// inside the word they belong to by the tokeniser.
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// Tatweel (kashida), a purely typographic elongation.
pub const TATWEEL: char = '\u{0640}';

/// Invisible formatting characters: bidi controls, zero-width characters,
/// the byte-order mark and the soft hyphen.
#[inline]
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// Arabic presentation forms (ligatures and positional forms).
pub fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// A letter of the Arabic script (base letters, extended letters, presentation forms).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}')
        || (is_presentation_form(c) && c != '\u{FD3E}' && c != '\u{FD3F}')
}

/// Characters that continue an Arabic word without being letters.
#[inline]
pub fn is_word_continuation(c: char) -> bool {
    is_arabic_mark(c) || c == TATWEEL || c == '\u{200C}' || c == '\u{200D}'
}

/// Value of a decimal digit in any of the scripts used in Arabic text
/// (ASCII, Arabic-Indic, Extended Arabic-Indic / Persian).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Every kind of quotation mark seen in Arabic news.
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(c,
        '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}'
        | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}'
        | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}'
        | '\u{FF02}' | '\u{301D}' | '\u{301E}' | '\u{300C}' | '\u{300D}')
}

/// Opening quotation marks that cannot close a quotation.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' | '\u{301D}' | '\u{300C}')
}

/// Closing quotation marks that cannot open a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}' | '\u{301E}' | '\u{300D}')
}

/// Pictographs and their modifiers.
pub fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}')
}

/// Joiners that glue emoji into one grapheme (ZWJ, variation selectors, skin tones, tags).
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c,
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Sentence-final punctuation in Arabic and Latin scripts.
pub fn is_sentence_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{061F}' | '\u{2026}' | '\u{06D4}' | '\u{FF01}' | '\u{FF1F}')
}
