//! End-to-end tests of `marsad analyze` and `marsad tokenize`, run on the real binary.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;

fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed.txt")
}

fn seed() -> String {
    std::fs::read_to_string(seed_path()).unwrap()
}

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// Every object with integer start/end and a text must be the exact slice of the input.
fn check_spans(v: &Value, text: &str, checked: &mut usize) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64)) {
                assert!(s <= e && e as usize <= text.chars().count(), "span {s}..{e} out of range");
                if let Some(t) = m.get("text").and_then(Value::as_str) {
                    assert_eq!(t, slice(text, s as usize, e as usize), "span {s}..{e}");
                    *checked += 1;
                }
            }
            for x in m.values() {
                check_spans(x, text, checked);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, text, checked)),
        _ => {}
    }
}

fn parse_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn single_file_gives_one_document_with_exact_spans() {
    let out = marsad().args(["analyze", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "marsad/1");
    assert_eq!(v["date"], "2024-01-27");
    for layer in ["sentences", "entities", "times", "quotes", "events"] {
        assert!(v[layer].is_array(), "{layer} missing");
    }
    let text = seed();
    let sentences = v["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 25, "the seed has ~30 sentences, got {}", sentences.len());
    // Sentences are ordered, disjoint and start/end on non-space characters.
    let mut prev_end = 0;
    for s in sentences {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert!(a >= prev_end && a < b);
        let piece = slice(&text, a, b);
        assert_eq!(piece.trim(), piece);
        prev_end = b;
    }
    let mut checked = 0;
    check_spans(&v, &text, &mut checked);
}

#[test]
fn token_layer_is_offset_exact_and_segmented() {
    let out = marsad().args(["analyze", "--tokens", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    assert!(tokens.len() > 1000);
    let mut checked = 0;
    check_spans(&v, &seed(), &mut checked);
    assert!(checked >= tokens.len());
    let find = |w: &str| tokens.iter().find(|t| t["text"] == w).unwrap_or_else(|| panic!("no token {w}"));
    assert_eq!(find("وبغداد")["segments"], "و+بغداد");
    assert_eq!(find("للحوار")["segments"], "ل+ال+حوار");
    assert_eq!(find("2500")["kind"], "number");
}

#[test]
fn several_files_and_stdin_give_json_lines_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "قال الوزير إن المحادثات مستمرة.").unwrap();
    std::fs::write(&b, "انطلقت اليوم الجولة الأولى.").unwrap();
    let out = marsad().args(["analyze", "--date", "2024-01-27"]).arg(&a).arg(&b).output().unwrap();
    assert!(out.status.success());
    let docs = parse_lines(&out.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["sentences"][0]["end"], 31);
    assert_eq!(docs[1]["sentences"][0]["end"], 27);

    let out = marsad().args(["analyze", "--date", "2024-01-27", "-"]).write_stdin("نص من المدخل القياسي.").output().unwrap();
    assert!(out.status.success());
    let docs = parse_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 1);
}

#[test]
fn jsonl_input_keeps_order_ids_and_dates_and_reports_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for i in 0..40 {
        let date = format!("2023-05-{:02}", i % 28 + 1);
        writeln!(f, "{}", serde_json::json!({"id": format!("a{i}"), "date": date, "text": format!("الخبر رقم {i}. جملة ثانية.")})).unwrap();
        if i == 7 {
            writeln!(f, "{{not json").unwrap();
            writeln!(f).unwrap();
            writeln!(f, "{{\"id\": 5}}").unwrap();
        }
    }
    drop(f);
    let out = marsad().args(["analyze", "--input"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit status 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in.jsonl:9:"), "names file and line: {stderr}");
    assert!(stderr.contains("in.jsonl:11:"), "names file and line: {stderr}");
    let docs = parse_lines(&out.stdout);
    assert_eq!(docs.len(), 40, "good records are all analysed");
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d["id"], format!("a{i}"));
        assert_eq!(d["date"], format!("2023-05-{:02}", i % 28 + 1));
        assert_eq!(d["sentences"].as_array().unwrap().len(), 2);
    }
    // --date overrides the record's date.
    let out = marsad().args(["analyze", "--date", "2020-02-29", "--input"]).arg(&path).output().unwrap();
    assert!(parse_lines(&out.stdout).iter().all(|d| d["date"] == "2020-02-29"));
}

#[test]
fn gzipped_jsonl_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl.gz");
    let f = std::fs::File::create(&path).unwrap();
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
    writeln!(gz, "{}", serde_json::json!({"id": 1, "text": "مرحبا بالعالم.", "title": "عنوان"})).unwrap();
    gz.finish().unwrap();
    let out = marsad().args(["analyze", "--date", "2024-01-01", "--input"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = parse_lines(&out.stdout);
    assert_eq!(docs[0]["id"], "1");
    assert_eq!(docs[0]["title"], "عنوان");
}

#[test]
fn invalid_utf8_is_a_clear_error_unless_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let mut bytes = "قال الوزير".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0xff, 0xfe, b' ', b'x']);
    std::fs::write(&bad, &bytes).unwrap();
    let out = marsad().args(["analyze", "--date", "2024-01-01"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.txt") && stderr.contains(&format!("byte offset {offset}")), "{stderr}");
    assert!(out.stdout.is_empty());

    let out = marsad().args(["analyze", "--lossy", "--date", "2024-01-01"]).arg(&bad).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["warnings"][0].as_str().unwrap().contains("U+FFFD"));
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "نص سليم.").unwrap();
    let missing = dir.path().join("missing.txt");
    let binary = dir.path().join("bin.dat");
    std::fs::write(&binary, b"ab\0\0\x01\x02").unwrap();
    let out = marsad().args(["analyze", "--date", "2024-01-01"]).arg(&missing).arg(&binary).arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"));
    assert!(stderr.contains("bin.dat") && stderr.contains("NUL byte"), "{stderr}");
    assert_eq!(parse_lines(&out.stdout).len(), 1);
}

#[test]
fn empty_and_whitespace_input_give_empty_layers() {
    for input in ["", "   \n\n\t", "\u{200F}\u{FEFF}"] {
        let out = marsad().args(["analyze", "--date", "2024-01-01", "-"]).write_stdin(input).output().unwrap();
        assert!(out.status.success());
        let v = &parse_lines(&out.stdout)[0];
        assert_eq!(v["sentences"].as_array().unwrap().len(), 0);
        assert_eq!(v["entities"].as_array().unwrap().len(), 0);
    }
}

#[test]
fn html_input_is_extracted_and_offsets_refer_to_the_extracted_text() {
    let html = "<!DOCTYPE html><html><head><title>خبر</title><meta property=\"article:published_time\" content=\"2023-10-08T09:00:00+03:00\"><style>p{}</style></head><body><nav>الرئيسية | سياسة</nav><article><p>قال وزير الخارجية العراقي فؤاد حسين إن المحادثات مستمرة.</p><p>وأضاف أن &quot;الحوار&quot; مفيد.</p></article><script>alert(1)</script></body></html>";
    let out = marsad().args(["analyze", "-"]).write_stdin(html).output().unwrap();
    assert!(out.status.success());
    let v = &parse_lines(&out.stdout)[0];
    assert_eq!(v["offsets"], "extracted-text");
    assert_eq!(v["date"], "2023-10-08", "date from the page's metadata");
    assert_eq!(v["title"], "خبر");
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("قال وزير الخارجية"));
    assert!(!text.contains("alert") && !text.contains("<p>") && !text.contains("الرئيسية"));
    let mut checked = 0;
    check_spans(v, text, &mut checked);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn large_input_is_analysed_in_chunks_with_exact_offsets() {
    let text = seed().repeat(6);
    let whole = marsad().args(["analyze", "--date", "2024-01-27", "-"]).write_stdin(text.clone()).output().unwrap();
    let chunked = marsad()
        .args(["analyze", "--date", "2024-01-27", "--chunk-bytes", "30000", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(chunked.status.success(), "{}", String::from_utf8_lossy(&chunked.stderr));
    let w = &parse_lines(&whole.stdout)[0];
    let c = &parse_lines(&chunked.stdout)[0];
    assert!(c["warnings"].as_array().unwrap().iter().any(|x| x.as_str().unwrap().contains("chunks")));
    // Chunks are cut at paragraph breaks, so sentences are the same.
    assert_eq!(w["sentences"], c["sentences"]);
    // Chunks lose only cross-chunk context (a short name linked to a full
    // name seen in an earlier chunk), so the layers stay nearly the same.
    for layer in ["entities", "times", "quotes"] {
        let (a, b) = (w[layer].as_array().unwrap().len() as f64, c[layer].as_array().unwrap().len() as f64);
        assert!((a - b).abs() <= 0.02 * a.max(1.0), "{layer}: {a} whole vs {b} chunked");
    }
    let mut checked = 0;
    check_spans(c, &text, &mut checked);
}

#[test]
fn text_report_is_readable() {
    let out = marsad().args(["analyze", "--format", "text", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    for heading in ["Entities (", "Quotes (", "Events (", "Dates ("] {
        assert!(s.contains(heading), "missing {heading}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = marsad().args(["analyze", "--date", "2024-02-30"]).arg(seed_path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = marsad().args(["analyze", "--layers", "bogus"]).arg(seed_path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = marsad().args(["analyze"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn layers_option_limits_the_work() {
    let out = marsad().args(["analyze", "--layers", "times", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entities"].as_array().unwrap().len(), 0);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);
}

#[test]
fn tokenize_prints_one_line_per_input_line() {
    let out = marsad()
        .args(["tokenize", "-"])
        .write_stdin("وبالعراق، قال «الرئيس» 2٫5%\nسطر ثان")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "وبالعراق ، قال « الرئيس » 2٫5%\nسطر ثان\n");
    let out = marsad().args(["tokenize", "--segment", "-"]).write_stdin("وبالعراق للعراق بغداد").output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "و+ب+ال+عراق ل+ال+عراق بغداد\n");
    let out = marsad().args(["tokenize", "--normalize", "-"]).write_stdin("أَمْرِيكَا إلى ١٢٣").output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "امريكا الي 123\n");
}

#[test]
fn tokenize_names_an_invalid_line_and_keeps_the_others() {
    let mut input = "قال الوزير\n".as_bytes().to_vec();
    input.extend_from_slice(b"ok \xff\xfe\n");
    input.extend_from_slice("وأكد\n".as_bytes());
    let out = marsad().args(["tokenize", "--segment", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "قال ال+وزير\n\nو+اكد\n");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(":2: invalid UTF-8 at byte 3 of the line"), "{err}");
}

#[test]
fn event_tables_for_researchers() {
    let out = marsad().args(["analyze", "--format", "events-csv", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("doc_id,event_id,date,type"));
    let rows: Vec<&str> = lines.collect();
    let json = marsad().args(["analyze", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let n_events = v["events"].as_array().unwrap().len();
    assert_eq!(rows.len(), n_events, "one CSV row per event");
    // A file's document id is its name's stem, so rows from many files stay apart.
    assert_eq!(v["id"], "seed");
    assert!(rows.iter().all(|r| r.starts_with("seed,seed-e")), "{rows:?}");

    let out = marsad().args(["analyze", "--format", "plover", "--date", "2024-01-27"]).arg(seed_path()).output().unwrap();
    let records = parse_lines(&out.stdout);
    assert_eq!(records.len(), n_events);
    for r in &records {
        assert!(r["event"].is_array() && r["date"].is_string() && r["id"].is_string());
    }
}
