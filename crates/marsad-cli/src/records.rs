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
            let parsed = match std::str::from_utf8(&self.buf) {
                Err(e) => Err(BadLine { line, error: format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()) }),
                Ok(s) => serde_json::from_str::<Record>(s.trim_end()).map_err(|e| BadLine { line, error: format!("not a JSON record with a \"text\" string: {e}") }),
            };
            return Some((line, parsed));
        }
    }
}
