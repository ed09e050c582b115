//! Reading input records: plain files, stdin, and JSON Lines (optionally gzip).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One article as found in a JSON Lines input.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Record {
    pub text: String,
    #[serde(default, deserialize_with = "string_or_number")]
    pub id: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// Open a file for reading, transparently gunzipping `.gz` files; `-` is stdin.
pub fn open_maybe_gz(path: &Path) -> Result<Box<dyn BufRead + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let f = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 16, f);
    let is_gz = path.extension().is_some_and(|e| e == "gz") || reader.fill_buf().map(|b| b.starts_with(&[0x1f, 0x8b])).unwrap_or(false);
    if is_gz {
        Ok(Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(reader))))
    } else {
        Ok(Box::new(reader))
    }
}

/// Read a whole file (or stdin for `-`) as bytes.
pub fn read_all(path: &Path) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut buf).context("cannot read standard input")?;
    } else {
        buf = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(buf)
}

/// A line of a JSON Lines file that could not be used.
#[derive(Debug)]
pub struct BadLine {
    pub line: usize,
    pub error: String,
}

/// Iterate over the records of a JSON Lines stream, with line numbers.
/// Blank lines are skipped; malformed ones are reported, never fatal.
pub struct JsonlRecords {
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlRecords {
    pub fn new(reader: Box<dyn BufRead + Send>) -> Self {
        JsonlRecords { reader, line_no: 0, buf: Vec::new() }
    }
}

impl Iterator for JsonlRecords {
    type Item = (usize, std::result::Result<Record, BadLine>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.line_no += 1;
                    let line = self.line_no;
                    // A read error (truncated gzip…) ends the stream after reporting it.
                    let item = (line, Err(BadLine { line, error: format!("read error: {e}") }));
                    self.buf.clear();
                    self.reader = Box::new(std::io::empty());
                    return Some(item);
                }
            }
            self.line_no += 1;
            let line = self.line_no;
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            // simdutf8: the line is validated several times faster than by
            // std for Arabic text; its `compat` error gives the same position.
            let parsed = match simdutf8::compat::from_utf8(&self.buf) {
                Err(e) => Err(BadLine { line, error: format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()) }),
                Ok(s) => serde_json::from_str::<Record>(s.trim_end()).map_err(|e| BadLine { line, error: format!("not a JSON record with a \"text\" string: {e}") }),
            };
            return Some((line, parsed));
        }
    }
}

/// How to treat input that may be HTML.
#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq, Default)]
pub enum HtmlMode {
    /// Extract the text when the input looks like HTML (or the file is named `.html`/`.htm`/`.xhtml`).
    #[default]
    Auto,
    /// Always treat the input as HTML.
    Always,
    /// Never: analyse the input as it is.
    Never,
}

/// Where an article's text comes from.
pub enum Source {
    /// The raw bytes of a file or of stdin; `html_name` is true when the file is named like HTML.
    Bytes { bytes: Vec<u8>, html_name: bool },
    /// A JSON Lines record (already valid UTF-8).
    Record(Record),
}

/// An article ready for analysis: decoded, NUL-checked and, for HTML, reduced
/// to its text. `record` keeps the metadata (its `text` is empty); the title
/// found in the HTML fills a missing record title.
pub struct Article {
    pub text: String,
    pub record: Record,
    /// The publication date found in the HTML meta tags, if any.
    pub html_date: Option<String>,
    /// True when the text was extracted from HTML (offsets then refer to `text`).
    pub was_html: bool,
    pub warnings: Vec<String>,
}

impl Article {
    /// The record's date when it is a valid `YYYY-MM-DD` (longer timestamps are cut to the day).
    pub fn record_date(&self) -> Option<String> {
        let d: String = self.record.date.as_deref()?.trim().chars().take(10).collect();
        marsad::valid_date(&d).then_some(d)
    }
}

/// The one way `analyze` and `ingest` turn input into an article: decode
/// (invalid UTF-8 and NUL bytes are errors unless `lossy`), then extract HTML.
pub fn prepare(source: Source, lossy: bool, html: HtmlMode) -> std::result::Result<Article, String> {
    let (text, mut warnings, mut record, html_name) = match source {
        Source::Bytes { bytes, html_name } => {
            let (text, warnings) = marsad::input::decode_owned(bytes, lossy).map_err(|e| e.to_string())?;
            (text, warnings, Record::default(), html_name)
        }
        Source::Record(mut rec) => {
            let text = std::mem::take(&mut rec.text);
            let mut warnings = Vec::new();
            let text = if text.contains('\0') {
                if !lossy {
                    return Err("the text contains NUL characters (binary data); use --lossy to read it anyway".into());
                }
                warnings.push("NUL characters replaced with U+FFFD".to_string());
                text.replace('\0', "\u{FFFD}")
            } else {
                text
            };
            (text, warnings, rec, false)
        }
    };
    let was_html = match html {
        HtmlMode::Always => true,
        HtmlMode::Never => false,
        HtmlMode::Auto => html_name || marsad::input::looks_like_html(&text),
    };
    let mut article = Article { text, record: Record::default(), html_date: None, was_html, warnings: Vec::new() };
    if was_html {
        let (extracted, meta) = marsad::input::html_to_text(&article.text);
        article.text = extracted;
        warnings.push("input was HTML: offsets refer to the extracted text given in `text`".to_string());
        if record.title.is_none() {
            record.title = meta.title;
        }
        article.html_date = meta.date;
    }
    article.record = record;
    article.warnings = warnings;
    Ok(article)
}

/// True for file names that say HTML.
pub fn html_file_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| matches!(e.to_string_lossy().to_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str, date: Option<&str>) -> Record {
        Record { text: text.to_string(), date: date.map(str::to_string), ..Record::default() }
    }

    #[test]
    fn html_records_are_extracted_and_keep_their_metadata() {
        let html = "<html><head><title>عنوان</title><meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\"></head>\
                    <body><article><p>قال الوزير إن المحادثات مستمرة.</p></article></body></html>";
        let a = prepare(Source::Record(record(html, None)), false, HtmlMode::Auto).unwrap();
        assert!(a.was_html);
        assert!(a.text.contains("قال الوزير") && !a.text.contains("<p>"), "{}", a.text);
        assert_eq!(a.record.title.as_deref(), Some("عنوان"));
        assert_eq!(a.html_date.as_deref(), Some("2024-03-05"));
        assert!(a.record.text.is_empty());
    }

    #[test]
    fn html_mode_never_keeps_markup() {
        let a = prepare(Source::Bytes { bytes: b"<p>x</p>".to_vec(), html_name: true }, false, HtmlMode::Never).unwrap();
        assert_eq!(a.text, "<p>x</p>");
        assert!(!a.was_html && a.warnings.is_empty());
    }

    #[test]
    fn html_file_names_force_extraction_in_auto_mode() {
        let a = prepare(Source::Bytes { bytes: "نص <b>عريض</b>".as_bytes().to_vec(), html_name: true }, false, HtmlMode::Auto).unwrap();
        assert!(a.was_html);
        assert!(!a.text.contains("<b>"));
    }

    #[test]
    fn nul_characters_fail_unless_lossy() {
        assert!(prepare(Source::Record(record("a\0b", None)), false, HtmlMode::Auto).is_err());
        let a = prepare(Source::Record(record("a\0b", None)), true, HtmlMode::Auto).unwrap();
        assert_eq!(a.text, "a\u{FFFD}b");
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn invalid_utf8_fails_unless_lossy() {
        let bytes = vec![b'a', 0xff, b'b'];
        assert!(prepare(Source::Bytes { bytes: bytes.clone(), html_name: false }, false, HtmlMode::Auto).is_err());
        assert_eq!(prepare(Source::Bytes { bytes, html_name: false }, true, HtmlMode::Auto).unwrap().text, "a\u{FFFD}b");
    }

    #[test]
    fn record_dates_are_cut_to_the_day_and_validated() {
        let a = prepare(Source::Record(record("نص", Some("2024-02-29T08:00:00"))), false, HtmlMode::Auto).unwrap();
        assert_eq!(a.record_date().as_deref(), Some("2024-02-29"));
        let b = prepare(Source::Record(record("نص", Some("2023-02-29"))), false, HtmlMode::Auto).unwrap();
        assert_eq!(b.record_date(), None);
    }
}
