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

use std::fmt;

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

/// Metadata found in an HTML page's head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    /// A publication date (YYYY-MM-DD) from `article:published_time`, `date`,
    /// `pubdate`, `datePublished` or a `<time datetime>` element.
    pub date: Option<String>,
}

/// Block-level elements: their boundaries become line breaks.
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "figure", "figcaption", "main", "aside", "hr", "dd", "dt", "pre", "title",
];

/// Elements whose content is never visible text.
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "form", "button", "select", "footer", "aside"];

/// Words in a `class`, `id` or `role` attribute that mark page furniture
/// rather than the article (menus, share bars, related links, comments, ads).
const BOILERPLATE_MARKERS: &[&str] = &[
    "share", "social", "related", "comment", "breadcrumb", "menu", "sidebar", "footer", "navbar", "advert", "ads-", "-ads",
    "newsletter", "cookie", "subscribe", "popular", "most-read", "mostread", "trending", "tags", "banner", "widget", "navigation",
];

/// Elements with no closing tag.
const VOID_TAGS: &[&str] = &["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"];

fn is_boilerplate_tag(tag: &str) -> bool {
    ["class", "id", "role"].iter().filter_map(|a| attr(tag, a)).any(|v| {
        let v = v.to_ascii_lowercase();
        BOILERPLATE_MARKERS.iter().any(|m| v.contains(m)) || v == "ads" || v.split_whitespace().any(|w| w == "ad" || w == "ads")
    })
}

/// Per-block counters for link density.
#[derive(Default)]
struct Block {
    start: usize,
    text_chars: usize,
    link_chars: usize,
    links: usize,
}

impl Block {
    /// Menus and link lists: mostly link text, several links or a short one.
    fn is_link_list(&self) -> bool {
        self.links > 0 && self.link_chars * 2 > self.text_chars && (self.links >= 2 || self.text_chars < 30)
    }
}

/// Extract the visible text of an HTML document: markup removed, entities
/// decoded, block elements turned into line breaks, `script`/`style`/`nav`
/// and the head skipped, runs of blank lines collapsed. Boilerplate is left
/// out: `footer`/`aside`, elements whose class or id names page furniture
/// (share bars, related links, comments, ads), and blocks that are mostly
/// link text (menus, link lists).
pub fn html_to_text(html: &str) -> (String, HtmlMeta) {
    let mut meta = HtmlMeta::default();
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip_depth: Vec<String> = Vec::new();
    let mut link_depth = 0usize;
    let mut block = Block::default();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0usize;
    let mut text_start = 0usize;
    let mut in_title = false;
    let mut title = String::new();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Flush the text before this tag.
        let chunk = &html[text_start..i];
        if in_title {
            title.push_str(chunk);
        } else if skip_depth.is_empty() {
            let before = out.len();
            push_text(&mut out, chunk);
            let n = out[before..].chars().filter(|c| !c.is_whitespace()).count();
            block.text_chars += n;
            if link_depth > 0 {
                block.link_chars += n;
            }
        }
        // Comments and declarations.
        if html[i..].starts_with("<!--") {
            let end = html[i + 4..].find("-->").map(|e| i + 4 + e + 3).unwrap_or(bytes.len());
            i = end;
            text_start = i;
            continue;
        }
        let Some(rel_end) = html[i..].find('>') else {
            // A '<' that opens no tag: keep it as text.
            text_start = i;
            i += 1;
            continue;
        };
        let tag = &html[i + 1..i + rel_end];
        i += rel_end + 1;
        text_start = i;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if name == "meta" {
            read_meta_tag(tag, &mut meta);
        }
        if name == "time" && meta.date.is_none() {
            if let Some(v) = attr(tag, "datetime") {
                meta.date = date_prefix(&v);
            }
        }
        if name == "title" && meta.title.is_none() {
            if closing {
                in_title = false;
                let t = decode_entities(title.trim());
                if !t.is_empty() {
                    meta.title = Some(t);
                }
            } else {
                in_title = true;
                title.clear();
            }
            continue;
        }
        if name == "a" && skip_depth.is_empty() {
            if closing {
                link_depth = link_depth.saturating_sub(1);
            } else if !tag.ends_with('/') {
                link_depth += 1;
                block.links += 1;
            }
        }
        let void = VOID_TAGS.contains(&name.as_str()) || tag.ends_with('/');
        let skip_tag = SKIP_TAGS.contains(&name.as_str());
        if !void && (skip_tag || !skip_depth.is_empty()) {
            if closing {
                if let Some(pos) = skip_depth.iter().rposition(|t| *t == name) {
                    skip_depth.truncate(pos);
                }
            } else if skip_tag || skip_depth.last().is_some_and(|t| *t == name) {
                // Nested elements of the same name inside a skipped one are tracked
                // so that the right closing tag ends the skip.
                skip_depth.push(name.clone());
            }
            continue;
        }
        if !void && !closing && skip_depth.is_empty() && BLOCK_TAGS.contains(&name.as_str()) && is_boilerplate_tag(tag) {
            skip_depth.push(name.clone());
            continue;
        }
        if skip_depth.is_empty() && BLOCK_TAGS.contains(&name.as_str()) {
            if block.is_link_list() {
                dropped.push((block.start, out.len()));
            }
            if !out.ends_with('\n') && !out.is_empty() {
                out.push('\n');
            }
            block = Block { start: out.len(), ..Block::default() };
        }
    }
    if skip_depth.is_empty() && text_start < bytes.len() {
        push_text(&mut out, &html[text_start..]);
    }
    if block.is_link_list() {
        dropped.push((block.start, out.len()));
    }
    if !dropped.is_empty() {
        let mut kept = String::with_capacity(out.len());
        let mut last = 0;
        for (a, b) in dropped {
            if a >= last && b <= out.len() {
                kept.push_str(&out[last..a]);
                kept.push('\n');
                last = b;
            }
        }
        kept.push_str(&out[last..]);
        out = kept;
    }
    // Collapse blank lines into paragraph breaks.
    let mut cleaned = String::with_capacity(out.len());
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !cleaned.is_empty() {
            cleaned.push_str("\n\n");
        }
        cleaned.push_str(&line);
    }
    (cleaned, meta)
}

fn push_text(out: &mut String, chunk: &str) {
    if chunk.is_empty() {
        return;
    }
    out.push_str(&decode_entities(chunk));
}

fn read_meta_tag(tag: &str, meta: &mut HtmlMeta) {
    let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop")).unwrap_or_default().to_ascii_lowercase();
    let Some(content) = attr(tag, "content") else { return };
    match key.as_str() {
        "article:published_time" | "datepublished" | "date" | "pubdate" | "publishdate" | "og:published_time" | "dc.date" | "dc.date.issued" => {
            if meta.date.is_none() {
                meta.date = date_prefix(&content);
            }
        }
        "og:title" | "twitter:title" => {
            if meta.title.is_none() {
                meta.title = Some(decode_entities(&content));
            }
        }
        _ => {}
    }
}

fn date_prefix(v: &str) -> Option<String> {
    let d: String = v.trim().chars().take(10).collect();
    crate::valid_date(&d).then_some(d)
}

/// The value of attribute `name` in the inside of a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let v = tag[value_start..].trim_start();
        let (quote, body) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
            _ => (None, v),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(body.len()),
        };
        return Some(decode_entities(&body[..end]));
    }
    None
}

/// Decode HTML character references (named ones common in news pages, and numeric ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{00A0}'),
                    "laquo" => Some('«'),
                    "raquo" => Some('»'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    "zwnj" => Some('\u{200C}'),
                    "zwj" => Some('\u{200D}'),
                    "rlm" => Some('\u{200F}'),
                    "lrm" => Some('\u{200E}'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) if c != '\0' => {
                out.push(c);
                rest = &rest[len..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
