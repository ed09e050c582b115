//! `marsad tokenize`: the text layer on its own, one output line per input
//! line, for NLP pipelines and for comparing with other tokenisers.

use crate::records::{open_maybe_gz, JsonlRecords};
use anyhow::Result;
use clap::Args;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct TokenizeArgs {
    /// Text files (`-` for standard input); `.gz` is decompressed.
    pub files: Vec<PathBuf>,
    /// JSON Lines input: tokenise the `text` field of each record (one output line per text line).
    #[arg(long)]
    pub input: Vec<PathBuf>,
    /// Print the normalised form of each token.
    #[arg(long, conflicts_with = "segment")]
    pub normalize: bool,
    /// Print Arabic words split into clitics, Farasa-style (و+ب+ال+عراق).
    #[arg(long)]
    pub segment: bool,
    /// Print one sentence a line instead of one input line a line.
    #[arg(long)]
    pub sentences: bool,
}

#[derive(Clone, Copy)]
enum Form {
    Original,
    Normalized,
    Segmented,
}

pub fn run(args: TokenizeArgs) -> Result<ExitCode> {
    if args.files.is_empty() && args.input.is_empty() {
        anyhow::bail!("nothing to tokenise: give files, `-` for standard input, or --input FILE.jsonl");
    }
    let form = if args.segment {
        Form::Segmented
    } else if args.normalize {
        Form::Normalized
    } else {
        Form::Original
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    let mut cache = marsad::text::SegmentCache::default();
    for path in &args.files {
        let mut reader = match open_maybe_gz(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("marsad: {e:#}");
                failed += 1;
                continue;
            }
        };
        let mut line = Vec::new();
        let mut line_no = 0usize;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            line_no += 1;
            // (SIMD validation first: the standard one was ~5% of a segmentation run;
            // it runs again only on invalid lines, to name the offending byte)
            match simdutf8::basic::from_utf8(&line).or_else(|_| std::str::from_utf8(&line)) {
                Ok(s) => write_line(&mut out, s.trim_end_matches(['\n', '\r']), form, args.sentences, &mut cache)?,
                Err(e) => {
                    eprintln!("marsad: {}:{line_no}: invalid UTF-8 at byte {} of the line; line skipped", path.display(), e.valid_up_to());
                    failed += 1;
                    writeln!(out)?;
                }
            }
        }
    }
    for path in &args.input {
        let reader = open_maybe_gz(path)?;
        for (_, rec) in JsonlRecords::new(reader) {
            match rec {
                Ok(r) => {
                    for l in r.text.lines() {
                        write_line(&mut out, l, form, args.sentences, &mut cache)?;
                    }
                }
                Err(bad) => {
                    eprintln!("marsad: {}:{}: {}", path.display(), bad.line, bad.error);
                    failed += 1;
                }
            }
        }
    }
    out.flush()?;
    // The process ends here: freeing the memo's tens of thousands of entries
    // one by one would cost ~3% of a segmentation run for nothing.
    std::mem::forget(cache);
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_line<W: Write>(out: &mut W, text: &str, form: Form, by_sentence: bool, cache: &mut marsad::text::SegmentCache) -> std::io::Result<()> {
    let tokens = marsad::text::tokenize(text);
    let sentence_ends: Vec<usize> = if by_sentence {
        marsad::text::split_sentences(text, &tokens).iter().map(|r| r.end).collect()
    } else {
        Vec::new()
    };
    let mut first = true;
    for i in 0..tokens.len() {
        if !first {
            out.write_all(b" ")?;
        }
        first = false;
        let t = tokens[i];
        match form {
            Form::Original => out.write_all(tokens.text(text, i).as_bytes())?,
            Form::Normalized => out.write_all(tokens.norm(i).as_bytes())?,
            Form::Segmented if t.kind == marsad::text::TokenKind::Word => {
                for (k, seg) in cache.segment(tokens.text(text, i)).segments.iter().enumerate() {
                    if k > 0 {
                        out.write_all(b"+")?;
                    }
                    out.write_all(seg.form.as_bytes())?;
                }
            }
            Form::Segmented => out.write_all(tokens.norm(i).as_bytes())?,
        }
        if by_sentence && sentence_ends.contains(&(t.end as usize)) && i + 1 < tokens.len() {
            out.write_all(b"\n")?;
            first = true;
        }
    }
    out.write_all(b"\n")
}
