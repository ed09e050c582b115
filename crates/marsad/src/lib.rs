//! # marsad
//!
//! The facade library: build a [`Pipeline`] once, then analyse articles.
//!
//! ```
//! let pipeline = marsad::Pipeline::standard();
//! let doc = pipeline.analyze("قال الرئيس إن المحادثات مستمرة.", "2024-01-27");
//! assert_eq!(doc.sentences.len(), 1);
//! ```
//!
//! The pipeline runs the text layer (inside [`Doc::new`]) and then each
//! annotator in order: entities → times → quotes → events. Later layers may
//! read earlier ones (quotes read entities and times, events read all three);
//! no layer writes into another's field.

pub mod input;

pub use marsad_doc::{self as doc, Analysis, Annotator, Doc, OutputOptions, SCHEMA};
pub use marsad_text as text;

/// Names of the annotation layers, in pipeline order.
pub const LAYERS: [&str; 4] = ["entities", "times", "quotes", "events"];

/// The ordered list of annotators.
pub struct Pipeline {
    annotators: Vec<Box<dyn Annotator>>,
}

impl Pipeline {
    /// Every layer: entities, times, quotes, events.
    pub fn standard() -> Self {
        Pipeline {
            annotators: vec![
                Box::new(marsad_entities::EntityAnnotator::new()),
                Box::new(marsad_times::TimeAnnotator::new()),
                Box::new(marsad_quotes::QuoteAnnotator::new()),
                Box::new(marsad_events::EventAnnotator::new()),
            ],
        }
    }

    /// The standard annotators restricted to the named layers (any of
    /// `entities`, `times`, `quotes`, `events`), kept in pipeline order.
    /// Later layers read earlier ones, so e.g. `quotes` without `entities`
    /// still runs but finds no actor ids.
    pub fn with_layers(layers: &[&str]) -> Result<Self, String> {
        for l in layers {
            if !LAYERS.contains(l) {
                return Err(format!("unknown layer {l:?}; the layers are {}", LAYERS.join(", ")));
            }
        }
        let mut annotators: Vec<Box<dyn Annotator>> = Vec::new();
        for a in Self::standard().annotators {
            if layers.contains(&a.name()) {
                annotators.push(a);
            }
        }
        Ok(Pipeline { annotators })
    }

    /// The text layer only (tokens and sentences), no annotators.
    pub fn text_only() -> Self {
        Pipeline { annotators: Vec::new() }
    }

    /// A pipeline of the given annotators, in order.
    pub fn with(annotators: Vec<Box<dyn Annotator>>) -> Self {
        Pipeline { annotators }
    }

    /// Names of the layers this pipeline adds.
    pub fn layers(&self) -> Vec<&'static str> {
        self.annotators.iter().map(|a| a.name()).collect()
    }

    /// Analyse one text, anchored at `date` (YYYY-MM-DD).
    pub fn analyze(&self, text: &str, date: &str) -> Doc {
        let mut doc = Doc::new(text, date);
        self.run(&mut doc);
        doc
    }

    /// Run every annotator on a document built by the caller.
    pub fn run(&self, doc: &mut Doc) {
        for a in &self.annotators {
            a.annotate(doc);
        }
    }
}

/// Today's date (UTC) as YYYY-MM-DD, the default anchor date.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Check a YYYY-MM-DD date string (a real calendar date).
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_749), (2024, 1, 27));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn layer_selection() {
        let p = Pipeline::with_layers(&["times", "entities"]).unwrap();
        assert_eq!(p.layers(), vec!["entities", "times"]);
        assert!(Pipeline::with_layers(&["bogus"]).is_err());
        assert_eq!(Pipeline::standard().layers(), LAYERS.to_vec());
    }

    #[test]
    fn date_validation() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2024-13-01"));
        assert!(!valid_date("24-01-01"));
        assert!(valid_date(&today()));
    }
}
