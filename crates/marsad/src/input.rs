//! Turning raw bytes into the text that gets analysed.
//!
//! * UTF-8 is required. Invalid input is an error that names the byte offset
//!   ([`DecodeError`]); with `lossy` each invalid sequence becomes U+FFFD.
//! * A byte-order mark is kept: it is part of the exact input, so offsets
//!   count it (it is invisible to matching).
//! * NUL bytes mean binary data: an error, or with `lossy` each NUL becomes
//!   U+FFFD (one code point for one, so offsets are unchanged).
//! * HTML is detected and reduced to its visible text ([`html_to_text`]);
//!   offsets then refer to that extracted text, which the output embeds.
//!   Extraction keeps the headline and the article's paragraphs and leaves
//!   page furniture out (see the `html` submodule).

use std::fmt;

mod html;
pub use html::{decode_entities, html_to_text, HtmlMeta};

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8: the first invalid byte is at this offset.
    InvalidUtf8 { byte_offset: usize },
    /// A NUL byte: binary data, not text.
    Binary { byte_offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { byte_offset } => {
                write!(f, "invalid UTF-8 at byte offset {byte_offset} (use --lossy to replace invalid bytes with U+FFFD)")
            }
            DecodeError::Binary { byte_offset } => {
                write!(f, "NUL byte at byte offset {byte_offset}: this looks like binary data, not text (use --lossy to read it anyway)")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decode bytes as UTF-8 text. With `lossy`, invalid sequences and NUL bytes
/// become U+FFFD and a warning is returned instead of an error.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(String, Vec<String>), DecodeError> {
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if lossy => {
            warnings.push(format!("invalid UTF-8 from byte offset {} replaced with U+FFFD", e.valid_up_to()));
            String::from_utf8_lossy(bytes).into_owned()
        }
        Err(e) => return Err(DecodeError::InvalidUtf8 { byte_offset: e.valid_up_to() }),
    };
    if let Some(pos) = text.bytes().position(|b| b == 0) {
        if !lossy {
            return Err(DecodeError::Binary { byte_offset: pos });
        }
        warnings.push(format!("NUL bytes from byte offset {pos} replaced with U+FFFD"));
        return Ok((text.replace('\0', "\u{FFFD}"), warnings));
    }
    Ok((text, warnings))
}

/// [`decode`] taking ownership of the bytes: valid UTF-8 is reused without a copy,
/// which halves peak memory on huge inputs.
pub fn decode_owned(bytes: Vec<u8>, lossy: bool) -> Result<(String, Vec<String>), DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(pos) = memchr_nul(text.as_bytes()) {
                if !lossy {
                    return Err(DecodeError::Binary { byte_offset: pos });
                }
                let warning = format!("NUL bytes from byte offset {pos} replaced with U+FFFD");
                return Ok((text.replace('\0', "\u{FFFD}"), vec![warning]));
            }
            Ok((text, Vec::new()))
        }
        Err(e) => decode(e.as_bytes(), lossy),
    }
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == 0)
}

/// Whether a text looks like an HTML page or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    // Cheap exit: plain text has no '<' in its first few kilobytes.
    let sample = &text.as_bytes()[..text.len().min(4096)];
    if !sample.contains(&b'<') {
        return false;
    }
    let head: String = text.trim_start_matches('\u{FEFF}').trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    // A fragment: several block tags early on.
    let sample = String::from_utf8_lossy(sample).to_ascii_lowercase();
    let tags = ["<p>", "<p ", "<div", "<br", "<body", "<article", "<span", "</p>", "<h1", "<h2", "<a href"];
    tags.iter().map(|t| sample.matches(t).count()).sum::<usize>() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let bytes = b"abc\xff\xfe def";
        assert_eq!(decode(bytes, false), Err(DecodeError::InvalidUtf8 { byte_offset: 3 }));
        let (text, warnings) = decode(bytes, true).unwrap();
        assert!(text.starts_with("abc\u{FFFD}"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(decode(b"ab\0c", false), Err(DecodeError::Binary { byte_offset: 2 }));
        let (text, _) = decode(b"ab\0c", true).unwrap();
        assert_eq!(text.chars().count(), 4);
    }

    #[test]
    fn html_is_reduced_to_visible_text() {
        let html = "<!DOCTYPE html><html><head><title>عنوان &amp; خبر</title><meta property=\"article:published_time\" content=\"2024-01-27T10:00:00Z\"><script>var x='<p>';</script></head><body><nav>القائمة</nav><p>قال الوزير&nbsp;إن</p><p>المحادثات مستمرة</p></body></html>";
        assert!(looks_like_html(html));
        let (text, meta) = html_to_text(html);
        assert_eq!(text, "قال الوزير إن\n\nالمحادثات مستمرة");
        assert_eq!(meta.title.as_deref(), Some("عنوان & خبر"));
        assert_eq!(meta.date.as_deref(), Some("2024-01-27"));
    }

    #[test]
    fn boilerplate_is_left_out() {
        let html = "<html><body><header><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/p\">سياسة</a></li></ul></header>\
            <article><h1>عنوان الخبر</h1><div class=\"share-bar\"><div>شارك</div><a href=\"#\">فيسبوك</a></div>\
            <p>قال الوزير إن <a href=\"/x\">المحادثات</a> مستمرة منذ أسابيع في العاصمة.</p>\
            <div id=\"related-news\"><p>أخبار ذات صلة</p></div><p>وأضاف أن الجولة المقبلة ستعقد قريبا.</p></article>\
            <p><a href=\"/a\">خبر أول</a> | <a href=\"/b\">خبر ثان</a></p><aside>الأكثر قراءة</aside><footer>جميع الحقوق محفوظة</footer></body></html>";
        let (text, _) = html_to_text(html);
        assert_eq!(text, "عنوان الخبر\n\nقال الوزير إن المحادثات مستمرة منذ أسابيع في العاصمة.\n\nوأضاف أن الجولة المقبلة ستعقد قريبا.");
    }

    #[test]
    fn plain_text_is_not_html() {
        assert!(!looks_like_html("قال الوزير إن 3 < 5 في النص"));
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a&#1575;&#x0628;&bogus;&"), "aاب&bogus;&");
    }
}
