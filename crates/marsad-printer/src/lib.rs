//! # marsad-printer
//!
//! Every output format of `marsad analyze` lives here, apart from the
//! analysis itself (like ripgrep's printer crate): JSON, JSON Lines and the
//! readable text report for a person.

pub mod events;
pub mod json;

use marsad_doc::{Analysis, Speaker};
use std::io::{self, Write};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// One compact JSON document (the CLI's default for a single file; several inputs give JSON Lines).
    Json,
    /// One JSON document, indented.
    Pretty,
    /// One compact JSON document a line (the CLI's default for several inputs).
    Jsonl,
    /// A readable report.
    Text,
    /// One CSV row per event, after a header line.
    EventsCsv,
    /// One PLOVER JSON record per event, a line each.
    Plover,
}

/// Write one analysis in `format`, followed by a newline.
pub fn write_analysis<W: Write>(w: &mut W, a: &Analysis, format: Format) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => {
            let mut buf = Vec::with_capacity(4096);
            write_json_line(&mut buf, a);
            w.write_all(&buf)
        }
        Format::Pretty => {
            serde_json::to_writer_pretty(&mut *w, a)?;
            writeln!(w)
        }
        Format::Text => write_report(w, a),
        Format::EventsCsv => events::write_csv_rows(w, a),
        Format::Plover => events::write_plover_jsonl(w, a),
    }
}

/// Append one analysis as compact JSON and a newline (the `json` and
/// `jsonl` formats) to `out`: the same bytes as `serde_json::to_writer`, a
/// few times faster (see [`json`]).
pub fn write_json_line(out: &mut Vec<u8>, a: &Analysis) {
    json::write_compact(out, a);
    out.push(b'\n');
}

/// Serialise an analysis as one compact JSON line (no trailing newline).
pub fn to_json_line(a: &Analysis) -> String {
    let mut out = Vec::with_capacity(4096);
    json::write_compact(&mut out, a);
    String::from_utf8(out).expect("the JSON writer copies valid UTF-8 and writes ASCII")
}

/// Arabic runs are wrapped in Unicode isolates (FSI…PDI) so that a
/// bidi-aware terminal lays out each one right-to-left without reordering
/// the labels and numbers around it; other terminals ignore the marks.
fn iso(s: &str) -> String {
    let clean: String = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    format!("\u{2068}{clean}\u{2069}")
}

fn speaker_label(s: &Option<Speaker>) -> String {
    match s {
        None => "(unknown speaker)".to_string(),
        Some(sp) => {
            let mut l = iso(&sp.text);
            if let Some(a) = &sp.actor {
                l.push_str(&format!(" [{a}]"));
            }
            if sp.anonymous {
                l.push_str(" (anonymous)");
            }
            l
        }
    }
}

/// The readable report: entities grouped by actor, quotes under their
/// speakers, events, dates.
pub fn write_report<W: Write>(w: &mut W, a: &Analysis) -> io::Result<()> {
    let title = a.id.clone().or_else(|| a.meta.title.clone()).unwrap_or_else(|| "article".to_string());
    writeln!(w, "══ {} ══ date {}  ({} sentences)", iso(&title), a.date, a.sentences.len())?;
    for warning in &a.warnings {
        writeln!(w, "warning: {warning}")?;
    }

    writeln!(w, "\nEntities ({})", a.entities.len())?;
    let mut groups: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for e in &a.entities {
        let key = e.actor.clone().unwrap_or_else(|| format!("~{}", e.text));
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => {
                if !g.2.contains(&e.text.as_str()) {
                    g.2.push(&e.text)
                }
            }
            None => groups.push((key, e.entity_type.as_str(), vec![&e.text])),
        }
    }
    for (key, ty, surfaces) in &groups {
        let names: Vec<String> = surfaces.iter().map(|s| iso(s)).collect();
        writeln!(w, "  {ty:<4} {key:<28} {}", names.join(" · "))?;
    }

    writeln!(w, "\nQuotes ({})", a.quotes.len())?;
    let mut speakers: Vec<String> = Vec::new();
    for q in &a.quotes {
        let label = speaker_label(&q.speaker);
        if !speakers.contains(&label) {
            speakers.push(label);
        }
    }
    for label in &speakers {
        writeln!(w, "  {label}")?;
        for q in a.quotes.iter().filter(|q| &speaker_label(&q.speaker) == label) {
            let kind = format!("{:?}", q.kind).to_lowercase();
            let denial = if q.denial { " denial" } else { "" };
            let date = q.date.as_deref().unwrap_or("");
            writeln!(w, "    - [{kind}{denial}] {date} {} {}", iso(&q.cue.text), iso(&q.content.text))?;
        }
    }

    writeln!(w, "\nEvents ({})", a.events.len())?;
    for e in &a.events {
        let side = |s: &Option<marsad_doc::ActorSpan>| match s {
            Some(x) => format!("{}{}", iso(&x.text), x.actor.as_ref().map(|a| format!(" [{a}]")).unwrap_or_default()),
            None => "-".to_string(),
        };
        let mode = e.mode.as_deref().map(|m| format!("/{m}")).unwrap_or_default();
        let flags = format!(
            "{}{}",
            if e.negated { " NEGATED" } else { "" },
            if e.hypothetical { " HYPOTHETICAL" } else { "" }
        );
        writeln!(
            w,
            "  {}{mode} {} {} → {}  date {}{flags}",
            e.event_type,
            iso(&e.trigger.text),
            side(&e.source),
            side(&e.target),
            e.date.as_deref().unwrap_or("-")
        )?;
        if let Some(l) = &e.location {
            writeln!(w, "      at {}", iso(&l.text))?;
        }
        let c = &e.counts;
        for (name, v) in [("killed", c.killed), ("injured", c.injured), ("arrested", c.arrested), ("displaced", c.displaced)] {
            if let Some(v) = v {
                writeln!(w, "      {name}: {}{}", if v.approx { "~" } else { "" }, v.value)?;
            }
        }
    }

    writeln!(w, "\nDates ({})", a.times.len())?;
    for t in &a.times {
        writeln!(w, "  {:<12} {}", t.value, iso(&t.text))?;
    }
    writeln!(w)
}
