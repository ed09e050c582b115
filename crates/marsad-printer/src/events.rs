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

/// One event as a flat row: the columns of [`CSV_HEADER`], in order. The
/// archive's export (`marsad events`) writes the same rows as CSV, JSON Lines
/// and Parquet, so every event table has one layout.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRecord {
    pub doc_id: String,
    pub event_id: String,
    pub date: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub mode: Option<String>,
    pub negated: bool,
    pub hypothetical: bool,
    pub source_text: Option<String>,
    pub source_actor: Option<String>,
    pub source_country: Option<String>,
    pub source_sector: Option<String>,
    pub target_text: Option<String>,
    pub target_actor: Option<String>,
    pub target_country: Option<String>,
    pub target_sector: Option<String>,
    pub location_text: Option<String>,
    pub location_country: Option<String>,
    pub killed: Option<f64>,
    pub injured: Option<f64>,
    pub arrested: Option<f64>,
    pub displaced: Option<f64>,
    /// True when any count is approximate ("نحو 70").
    pub approx: bool,
    pub trigger_text: String,
    pub trigger_start: usize,
    pub trigger_end: usize,
    pub sentence_start: Option<usize>,
    pub sentence_end: Option<usize>,
}

impl EventRecord {
    /// The row of event `k` of `a` (the event's date, else the article's).
    pub fn new(a: &Analysis, k: usize) -> Option<EventRecord> {
        let e = a.events.get(k)?;
        let side = |s: &Option<ActorSpan>| match s {
            Some(s) => (Some(s.text.clone()), s.actor.clone(), s.country.clone(), s.sector.clone()),
            None => (None, None, None, None),
        };
        let (source_text, source_actor, source_country, source_sector) = side(&e.source);
        let (target_text, target_actor, target_country, target_sector) = side(&e.target);
        let c = &e.counts;
        Some(EventRecord {
            doc_id: a.id.clone().unwrap_or_default(),
            event_id: event_id(a, k),
            date: e.date.clone().unwrap_or_else(|| a.date.clone()),
            event_type: e.event_type.clone(),
            mode: e.mode.clone(),
            negated: e.negated,
            hypothetical: e.hypothetical,
            source_text,
            source_actor,
            source_country,
            source_sector,
            target_text,
            target_actor,
            target_country,
            target_sector,
            location_text: e.location.as_ref().map(|l| l.text.clone()),
            location_country: e.location.as_ref().and_then(|l| l.country.clone()),
            killed: c.killed.map(|x| x.value),
            injured: c.injured.map(|x| x.value),
            arrested: c.arrested.map(|x| x.value),
            displaced: c.displaced.map(|x| x.value),
            approx: [c.killed, c.injured, c.arrested, c.displaced].iter().flatten().any(|x| x.approx),
            trigger_text: e.trigger.text.clone(),
            trigger_start: e.trigger.start,
            trigger_end: e.trigger.end,
            sentence_start: e.sentence.map(|s| s.start),
            sentence_end: e.sentence.map(|s| s.end),
        })
    }

    /// The CSV line (RFC 4180 quoting, no line break).
    pub fn csv_row(&self) -> String {
        let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
        let n = |x: Option<f64>| match x {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
            Some(v) => format!("{v}"),
            None => String::new(),
        };
        let u = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_default();
        [
            csv_field(&self.doc_id),
            csv_field(&self.event_id),
            csv_field(&self.date),
            csv_field(&self.event_type),
            o(&self.mode),
            self.negated.to_string(),
            self.hypothetical.to_string(),
            o(&self.source_text),
            o(&self.source_actor),
            o(&self.source_country),
            o(&self.source_sector),
            o(&self.target_text),
            o(&self.target_actor),
            o(&self.target_country),
            o(&self.target_sector),
            o(&self.location_text),
            o(&self.location_country),
            n(self.killed),
            n(self.injured),
            n(self.arrested),
            n(self.displaced),
            self.approx.to_string(),
            csv_field(&self.trigger_text),
            self.trigger_start.to_string(),
            self.trigger_end.to_string(),
            u(self.sentence_start),
            u(self.sentence_end),
        ]
        .join(",")
    }
}

/// Write one CSV row per event of `a` (no header; see [`CSV_HEADER`]).
pub fn write_csv_rows<W: Write>(w: &mut W, a: &Analysis) -> io::Result<()> {
    for k in 0..a.events.len() {
        if let Some(r) = EventRecord::new(a, k) {
            w.write_all(r.csv_row().as_bytes())?;
            w.write_all(b"\r\n")?;
        }
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
    fn record_fields_are_the_csv_columns_in_order() {
        let name = |s: &str| Some(s.to_string());
        let r = EventRecord {
            doc_id: "doc_id".into(),
            event_id: "event_id".into(),
            date: "date".into(),
            event_type: "type".into(),
            mode: name("mode"),
            negated: true,
            hypothetical: false,
            source_text: name("source_text"),
            source_actor: name("source_actor"),
            source_country: name("source_country"),
            source_sector: name("source_sector"),
            target_text: name("target_text"),
            target_actor: name("target_actor"),
            target_country: name("target_country"),
            target_sector: name("target_sector"),
            location_text: name("location_text"),
            location_country: name("location_country"),
            killed: Some(1.0),
            injured: Some(2.0),
            arrested: Some(3.0),
            displaced: Some(4.5),
            approx: true,
            trigger_text: "trigger_text".into(),
            trigger_start: 5,
            trigger_end: 6,
            sentence_start: Some(7),
            sentence_end: Some(8),
        };
        let numbers = [
            ("negated", "true"),
            ("hypothetical", "false"),
            ("killed", "1"),
            ("injured", "2"),
            ("arrested", "3"),
            ("displaced", "4.5"),
            ("approx", "true"),
            ("trigger_start", "5"),
            ("trigger_end", "6"),
            ("sentence_start", "7"),
            ("sentence_end", "8"),
        ];
        let expected: Vec<&str> =
            CSV_HEADER.split(',').map(|h| numbers.iter().find(|(n, _)| *n == h).map(|(_, v)| *v).unwrap_or(h)).collect();
        assert_eq!(r.csv_row(), expected.join(","));
        // JSON Lines use the same names
        let v = serde_json::to_value(&r).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut header: Vec<&str> = CSV_HEADER.split(',').collect();
        keys.sort_unstable();
        header.sort_unstable();
        assert_eq!(keys, header);
        assert_eq!(EventRecord::new(&analysis(), 2), None);
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
