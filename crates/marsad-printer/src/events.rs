//! Event exports for researchers: one row per event as CSV (RFC 4180) and as
//! PLOVER JSON Lines (the data fields of the PLOVER manual: id, date,
//! actor/recipient entity objects, event, mode, size, event_loc, event_text,
//! text_info, cite_info).

use marsad_doc::{ActorRef, ActorSpan, Analysis, Event};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The CSV header line (without the line break).
pub const CSV_HEADER: &str = "doc_id,event_id,date,type,mode,negated,hypothetical,\
source_text,source_actor,source_country,source_sector,\
target_text,target_actor,target_country,target_sector,\
location_text,location_country,killed,injured,arrested,displaced,approx,\
trigger_text,trigger_start,trigger_end,sentence_start,sentence_end";

/// The codebook named in `cite_info`.
pub const CODEBOOK: &str = "plover-base-1.3.1";

fn event_id(a: &Analysis, k: usize) -> String {
    let doc = a.id.as_deref().filter(|s| !s.is_empty()).unwrap_or("doc");
    format!("{doc}-e{}", k + 1)
}

/// Quote a CSV field when needed (RFC 4180): commas, quotes, line breaks.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(c: Option<marsad_doc::Count>) -> String {
    match c {
        Some(c) if c.value.fract() == 0.0 && c.value.abs() < 1e15 => format!("{}", c.value as i64),
        Some(c) => format!("{}", c.value),
        None => String::new(),
    }
}

fn actor_cols(s: &Option<ActorSpan>) -> [String; 4] {
    match s {
        Some(s) => [
            s.text.clone(),
            s.actor.clone().unwrap_or_default(),
            s.country.clone().unwrap_or_default(),
            s.sector.clone().unwrap_or_default(),
        ],
        None => Default::default(),
    }
}

/// Write one CSV row per event of `a` (no header; see [`CSV_HEADER`]).
pub fn write_csv_rows<W: Write>(w: &mut W, a: &Analysis) -> io::Result<()> {
    for (k, e) in a.events.iter().enumerate() {
        let mut cols: Vec<String> = vec![
            a.id.clone().unwrap_or_default(),
            event_id(a, k),
            e.date.clone().unwrap_or_else(|| a.date.clone()),
            e.event_type.clone(),
            e.mode.clone().unwrap_or_default(),
            e.negated.to_string(),
            e.hypothetical.to_string(),
        ];
        cols.extend(actor_cols(&e.source));
        cols.extend(actor_cols(&e.target));
        cols.push(e.location.as_ref().map(|l| l.text.clone()).unwrap_or_default());
        cols.push(e.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default());
        let c = &e.counts;
        cols.push(num(c.killed));
        cols.push(num(c.injured));
        cols.push(num(c.arrested));
        cols.push(num(c.displaced));
        let approx = [c.killed, c.injured, c.arrested, c.displaced].iter().flatten().any(|x| x.approx);
        cols.push(approx.to_string());
        cols.push(e.trigger.text.clone());
        cols.push(e.trigger.start.to_string());
        cols.push(e.trigger.end.to_string());
        cols.push(e.sentence.map(|s| s.start.to_string()).unwrap_or_default());
        cols.push(e.sentence.map(|s| s.end.to_string()).unwrap_or_default());
        let line: Vec<String> = cols.iter().map(|s| csv_field(s)).collect();
        w.write_all(line.join(",").as_bytes())?;
        w.write_all(b"\r\n")?;
    }
    Ok(())
}

fn entity_object(s: &ActorSpan, actors: &[ActorRef]) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), s.country.clone().map(Value::String).unwrap_or(Value::Null));
    m.insert("sector".into(), s.sector.clone().map(Value::String).unwrap_or(Value::Null));
    m.insert("entity_text".into(), Value::String(s.text.clone()));
    m.insert("start".into(), json!(s.start));
    m.insert("end".into(), json!(s.end));
    if let Some(id) = &s.actor {
        m.insert("actor_id".into(), Value::String(id.clone()));
        if let Some(r) = actors.iter().find(|r| &r.id == id) {
            if let Some(q) = &r.wikidata {
                m.insert("wikidata".into(), Value::String(q.clone()));
                m.insert("identifier_id".into(), Value::String(q.clone()));
            }
            let name = r.name_en.clone().unwrap_or_else(|| r.name.clone());
            m.insert("identifier_text".into(), Value::String(name));
        }
    }
    Value::Object(m)
}

/// One PLOVER record (a JSON object) for event `k` of `a`.
pub fn plover_record(a: &Analysis, k: usize, e: &Event) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(event_id(a, k)));
    m.insert("date".into(), Value::String(e.date.clone().unwrap_or_else(|| a.date.clone())));
    let actor: Vec<Value> = e.source.iter().map(|s| entity_object(s, &a.actors)).collect();
    m.insert("actor".into(), Value::Array(actor));
    let recipient: Vec<Value> = e.target.iter().map(|s| entity_object(s, &a.actors)).collect();
    m.insert("recipient".into(), Value::Array(recipient));
    m.insert("event".into(), json!([e.event_type]));
    m.insert("mode".into(), json!(e.mode.iter().collect::<Vec<_>>()));
    let c = &e.counts;
    let size = |x: Option<marsad_doc::Count>| x.map(|c| json!(c.value)).unwrap_or(Value::Null);
    let approx = [c.killed, c.injured, c.arrested, c.displaced].iter().flatten().any(|x| x.approx);
    m.insert(
        "size".into(),
        json!({
            "dead": size(c.killed),
            "injured": size(c.injured),
            "arrested": size(c.arrested),
            "displaced": size(c.displaced),
            "approximate": approx,
        }),
    );
    m.insert(
        "event_loc".into(),
        match &e.location {
            Some(l) => json!({
                "extracted_place": l.text,
                "country_code": l.country,
                "start": l.start,
                "end": l.end,
            }),
            None => Value::Null,
        },
    );
    m.insert("event_text".into(), json!([e.trigger.text]));
    let seq = e.sentence.and_then(|s| a.sentences.iter().position(|x| x.start == s.start));
    m.insert(
        "text_info".into(),
        json!({
            "sequence": seq,
            "start": e.sentence.map(|s| s.start),
            "end": e.sentence.map(|s| s.end),
            "trigger_start": e.trigger.start,
            "trigger_end": e.trigger.end,
            "offsets": "code points",
        }),
    );
    m.insert("negated".into(), Value::Bool(e.negated));
    m.insert("hypothetical".into(), Value::Bool(e.hypothetical));
    m.insert(
        "cite_info".into(),
        json!({
            "citation": a.id,
            "url": a.meta.url,
            "title": a.meta.title,
            "publication": a.meta.source,
            "language": "ar",
            "coder": concat!("marsad ", env!("CARGO_PKG_VERSION")),
            "codebook": CODEBOOK,
        }),
    );
    Value::Object(m)
}

/// Write one PLOVER JSON record a line for each event of `a`.
pub fn write_plover_jsonl<W: Write>(w: &mut W, a: &Analysis) -> io::Result<()> {
    for (k, e) in a.events.iter().enumerate() {
        serde_json::to_writer(&mut *w, &plover_record(a, k, e))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_doc::{Count, Counts, Sentence, Span};

    fn analysis() -> Analysis {
        let src = ActorSpan {
            start: 0,
            end: 9,
            text: "حركة \"حماس\", غزة".into(),
            actor: Some("hamas".into()),
            country: Some("PSE".into()),
            sector: Some("REB".into()),
        };
        let ev = Event {
            event_type: "ASSAULT".into(),
            mode: Some("aerial".into()),
            trigger: Span { start: 10, end: 15, text: "الهجوم".into() },
            source: Some(src),
            target: None,
            date: Some("2023-10-07".into()),
            location: None,
            negated: false,
            hypothetical: false,
            counts: Counts { killed: Some(Count { value: 70.0, approx: true }), ..Default::default() },
            sentence: Some(Sentence { start: 0, end: 40 }),
        };
        Analysis {
            schema: "marsad/1".into(),
            id: Some("a1".into()),
            date: "2024-01-27".into(),
            meta: Default::default(),
            offsets: None,
            text: None,
            sentences: vec![Sentence { start: 0, end: 40 }],
            entities: vec![],
            times: vec![],
            quotes: vec![],
            events: vec![ev.clone(), Event { source: None, negated: true, ..ev }],
            actors: vec![ActorRef {
                id: "hamas".into(),
                name: "حماس".into(),
                actor_type: "ORG".into(),
                name_en: Some("Hamas".into()),
                country: Some("PSE".into()),
                sector: Some("REB".into()),
                wikidata: Some("Q38799".into()),
            }],
            tokens: None,
            warnings: vec![],
        }
    }

    #[test]
    fn csv_rows_are_quoted_and_aligned() {
        let mut out = Vec::new();
        write_csv_rows(&mut out, &analysis()).unwrap();
        let s = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = s.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].contains("\"حركة \"\"حماس\"\", غزة\""), "{}", rows[0]);
        assert!(rows[0].starts_with("a1,a1-e1,2023-10-07,ASSAULT,aerial,false,false,"));
        assert!(rows[1].contains(",true,false,"));
        // same number of columns as the header once quoted commas are accounted for
        let header_cols = CSV_HEADER.split(',').count();
        let unquoted: String = {
            let mut inq = false;
            rows[0].chars().filter(|c| {
                if *c == '"' {
                    inq = !inq;
                }
                !(inq && *c == ',')
            }).collect()
        };
        assert_eq!(unquoted.split(',').count(), header_cols);
        assert!(rows[0].contains(",70,,,,true,"));
    }

    #[test]
    fn plover_jsonl_has_manual_fields() {
        let mut out = Vec::new();
        write_plover_jsonl(&mut out, &analysis()).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["id"], "a1-e1");
        assert_eq!(v["event"][0], "ASSAULT");
        assert_eq!(v["actor"][0]["code"], "PSE");
        assert_eq!(v["actor"][0]["sector"], "REB");
        assert_eq!(v["actor"][0]["wikidata"], "Q38799");
        assert_eq!(v["size"]["dead"], 70.0);
        assert_eq!(v["size"]["approximate"], true);
        assert_eq!(v["text_info"]["sequence"], 0);
        assert_eq!(v["cite_info"]["codebook"], CODEBOOK);
        let v2: Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(v2["actor"].as_array().unwrap().len(), 0);
        assert_eq!(v2["negated"], true);
    }
}
