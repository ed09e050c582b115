//! Reading input records: plain files, stdin, and JSON Lines (optionally gzip).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One article as found in a JSON Lines input.
#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq)]
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
            match read_line(&mut *self.reader, &mut self.buf) {
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
                Ok(s) => {
                    let s = s.trim_end();
                    match plain_record(s) {
                        Some(record) => Ok(record),
                        None => serde_json::from_str::<Record>(s).map_err(|e| BadLine { line, error: format!("not a JSON record with a \"text\" string: {e}") }),
                    }
                }
            };
            return Some((line, parsed));
        }
    }
}

/// `BufRead::read_until(b'\n')` with the `memchr` crate's vectorised search
/// (std's searches two words at a time, a visible cost on article-long lines).
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => {
                buf.extend_from_slice(&available[..=i]);
                (true, i + 1)
            }
            None => {
                buf.extend_from_slice(available);
                (available.is_empty(), available.len())
            }
        };
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The common record shape read without serde: one object whose keys are
/// among the six fields of [`Record`], each at most once, `text` a string and
/// the others strings or `null`, strings without UTF-16 surrogate escapes.
/// Anything else (numbers, unknown keys, arrays, bad escapes, raw control
/// characters, errors of every kind) gives `None`, and serde_json reads the
/// line: it gives the same record or the error message. Whenever this
/// returns a record, serde_json returns the same one (property test below).
///
/// Why: serde_json tests every byte of an article's text for the end of the
/// string; here `memchr2` finds the next `"` or `\` a vector at a time and
/// the run before it is copied whole.
fn plain_record(line: &str) -> Option<Record> {
    let mut p = PlainJson { line, bytes: line.as_bytes(), at: 0 };
    let mut record = Record::default();
    let mut seen = [false; 6];
    let mut has_text = false;
    p.skip_whitespace();
    p.expect(b'{')?;
    p.skip_whitespace();
    if p.peek() == Some(b'}') {
        return None; // no `text`: serde's error message
    }
    loop {
        let key = p.string()?;
        let field = ["text", "id", "date", "title", "url", "source"].iter().position(|&k| k == key)?;
        if std::mem::replace(&mut seen[field], true) {
            return None; // a duplicate field: serde's error message
        }
        p.skip_whitespace();
        p.expect(b':')?;
        p.skip_whitespace();
        let value = if p.bytes[p.at..].starts_with(b"null") {
            p.at += 4;
            None
        } else {
            Some(p.string()?)
        };
        match field {
            0 => {
                record.text = value?;
                has_text = true;
            }
            1 => record.id = value,
            2 => record.date = value,
            3 => record.title = value,
            4 => record.url = value,
            _ => record.source = value,
        }
        p.skip_whitespace();
        match p.next()? {
            b',' => p.skip_whitespace(),
            b'}' => break,
            _ => return None,
        }
    }
    p.skip_whitespace();
    (has_text && p.at == p.bytes.len()).then_some(record)
}

/// A cursor over a line for [`plain_record`].
struct PlainJson<'a> {
    line: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl PlainJson<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// JSON whitespace: space, tab, line feed, carriage return.
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string literal; `None` for anything serde_json might read otherwise.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            // The plain run ends at the closing quote or at an escape; a raw
            // control character in it is an error, left to serde_json (the
            // smallest byte of the run, a vectorised fold, is the cheap test).
            let rest = &self.bytes[self.at..];
            let stop = memchr::memchr2(b'"', b'\\', rest)?;
            if rest[..stop].iter().fold(u8::MAX, |min, &b| min.min(b)) < 0x20 {
                return None;
            }
            // Cut at ASCII bytes, so at character boundaries.
            out.push_str(self.line.get(self.at..self.at + stop)?);
            self.at += stop + 1;
            if rest[stop] == b'"' {
                return Some(out);
            }
            if out.capacity() == out.len() {
                // Escapes in a long text: room for the rest of the line at once.
                out.reserve(self.bytes.len() - self.at);
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hex = self.line.get(self.at..self.at + 4)?;
                    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                        return None;
                    }
                    self.at += 4;
                    // Surrogates (pairs or lone) are left to serde_json.
                    char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                }
                _ => return None,
            };
            out.push(c);
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
            let text = if memchr::memchr(0, text.as_bytes()).is_some() {
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
    fn plain_records_are_read_without_serde() {
        let line = r#" {"id": "A-1", "date":"2024-01-02" ,"text": "قال \"الوزير\"\n\u00e9\/\t", "title": null, "url": "http://x/y", "source": "S"}"#;
        let r = plain_record(line).expect("the common shape");
        assert_eq!(r.text, "قال \"الوزير\"\n\u{e9}/\t");
        assert_eq!((r.id.as_deref(), r.date.as_deref(), r.title.as_deref()), (Some("A-1"), Some("2024-01-02"), None));
        assert_eq!(serde_json::from_str::<Record>(line).unwrap(), r);
        // Left to serde_json: numbers, unknown keys, duplicates, no text, surrogates, raw controls, trailing junk.
        for line in [
            r#"{"id": 5, "text": "a"}"#,
            r#"{"text": "a", "extra": "b"}"#,
            r#"{"text": "a", "text": "b"}"#,
            r#"{"id": "a"}"#,
            r#"{}"#,
            r#"{"text": "\ud83d\ude00"}"#,
            "{\"text\": \"a\tb\"}",
            r#"{"text": "a"} x"#,
            r#"{"text": "a",}"#,
            r#"["a"]"#,
            r#"{"text": null}"#,
        ] {
            assert_eq!(plain_record(line), None, "{line}");
        }
    }

    use proptest::prelude::*;

    /// String literals from pieces: plain runs (ASCII, Arabic, astral),
    /// every escape, and things serde_json rejects or treats specially.
    fn literal() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-z 0-9\u{0627}-\u{064A}\u{1F600}]{0,20}".prop_map(|s| s),
            prop::sample::select(vec![
                "\\n", "\\\"", "\\\\", "\\/", "\\b\\f\\r\\t", "\\u0041", "\\u06cC", "\\uFFFF", "\\u0000", "\\ud83d\\ude00",
                "\\ud83d", "\\udc00", "\\u12", "\\u12G4", "\\q", "\t", "\u{1}", "\u{1f}", "\u{7f}", "\\",
            ])
            .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..6).prop_map(|v| format!("\"{}\"", v.concat()))
    }

    fn json_value() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => literal(),
            1 => prop::sample::select(vec!["null", "nul", "nullx", "5", "-1.5e3", "true", "[]", "{\"a\":1}", "\"a", ""]).prop_map(str::to_string),
        ]
    }

    fn json_key() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => prop::sample::select(vec!["text", "id", "date", "title", "url", "source"]).prop_map(|k| format!("\"{k}\"")),
            1 => prop::sample::select(vec!["\"other\"", "\"te\\u0078t\"", "\"Text\"", "text", "\"id"]).prop_map(str::to_string),
        ]
    }

    fn space() -> impl Strategy<Value = String> {
        "[ \t\r\n]{0,2}".prop_map(|s| s)
    }

    /// Whole lines: an object of fields with optional whitespace, sometimes
    /// broken at the start or end.
    fn json_line() -> impl Strategy<Value = String> {
        let field = (space(), json_key(), space(), space(), json_value(), space()).prop_map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"));
        let start = prop::sample::select(vec!["{", "{", "{", " {", "[", "\u{feff}{", ""]);
        let end = prop::sample::select(vec!["}", "}", "}", "} ", ",}", "}x", "", "}}"]);
        (start, prop::collection::vec(field, 0..7), end).prop_map(|(s, f, e)| format!("{s}{}{e}", f.join(",")))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

        #[test]
        fn plain_records_are_what_serde_reads(line in json_line()) {
            let line = line.trim_end();
            if let Some(record) = plain_record(line) {
                prop_assert_eq!(serde_json::from_str::<Record>(line).ok(), Some(record), "{}", line);
            }
        }

        #[test]
        fn the_common_shape_is_read_without_serde(
            text in "[a-z \u{0627}-\u{064A}\n\"\\\\]{0,80}",
            id in prop::option::of("[A-Za-z0-9-]{1,12}"),
            date in prop::option::of("[0-9-]{10}"),
        ) {
            let r = Record { text, id, date, ..Record::default() };
            let line = format!("{{\"id\": {}, \"date\": {}, \"text\": {}}}", serde_json::to_string(&r.id).unwrap(), serde_json::to_string(&r.date).unwrap(), serde_json::to_string(&r.text).unwrap());
            prop_assert_eq!(plain_record(&line), Some(r));
        }
    }

    #[test]
    fn record_dates_are_cut_to_the_day_and_validated() {
        let a = prepare(Source::Record(record("نص", Some("2024-02-29T08:00:00"))), false, HtmlMode::Auto).unwrap();
        assert_eq!(a.record_date().as_deref(), Some("2024-02-29"));
        let b = prepare(Source::Record(record("نص", Some("2023-02-29"))), false, HtmlMode::Auto).unwrap();
        assert_eq!(b.record_date(), None);
    }
}
