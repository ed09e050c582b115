//! The archive subcommands end to end: ingest, idempotence, near-duplicates,
//! malformed input, crash safety, search, exports and stats.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

fn stats(db: &Path) -> Value {
    let out = marsad().args(["stats", "--json", "--db"]).arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ingest(db: &Path, paths: &[&Path]) -> std::process::Output {
    let mut cmd = marsad();
    cmd.arg("ingest").arg("--db").arg(db);
    for p in paths {
        cmd.arg(p);
    }
    cmd.output().unwrap()
}

fn search(db: &Path, args: &[&str]) -> Vec<Value> {
    let out = marsad().arg("search").args(args).arg("--json").arg("--db").arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const IRAQ: &str = "أعلن رئيس الوزراء العراقي محمد شياع السوداني اليوم أن المفاوضات مع الولايات المتحدة بشأن انسحاب القوات الأجنبية من البلاد ستبدأ الأسبوع المقبل. وقال السوداني إن \"الحكومة ملتزمة بحماية أمن العراق\". وأضاف أن الوفد العراقي سيضم ممثلين عن وزارتي الدفاع والخارجية وقيادة العمليات المشتركة، وأن الاجتماعات ستعقد في بغداد.";
const TUNIS: &str = "قال البنك المركزي التونسي في بيان الاثنين إن معدل التضخم تراجع خلال شهر مارس إلى أدنى مستوى له منذ عامين، بفضل انخفاض أسعار المواد الغذائية والطاقة. وأوضح البنك أن السياسة النقدية ستبقى حذرة في الأشهر المقبلة لمواجهة الضغوط على الدينار التونسي واحتياطيات النقد الأجنبي.";
const CAIRO: &str = "وصل وفد أمني مصري رفيع المستوى إلى الدوحة مساء السبت لاستئناف مفاوضات التهدئة، وسط تفاؤل حذر بإمكان التوصل إلى اتفاق خلال أيام. وأكد مصدر مطلع أن الوفد يحمل مقترحات جديدة لتبادل الأسرى وإدخال المساعدات الإنسانية، فيما قال مسؤول قطري إن الاتصالات مستمرة بلا انقطاع بالعراق وللعراق دور في دعمها.";

fn jsonl_line(id: &str, date: &str, title: &str, text: &str) -> String {
    serde_json::json!({"id": id, "date": date, "title": title, "text": text, "source": "test"}).to_string() + "\n"
}

fn corpus(dir: &Path) -> Vec<PathBuf> {
    let txt = dir.join("iraq.txt");
    std::fs::write(&txt, IRAQ).unwrap();
    let jsonl = dir.join("tunis.jsonl");
    std::fs::write(&jsonl, jsonl_line("tn-1", "2024-04-01", "التضخم في تونس", TUNIS)).unwrap();
    let gz = dir.join("cairo.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::default());
    enc.write_all(jsonl_line("eg-1", "2024-05-04", "مفاوضات التهدئة", CAIRO).as_bytes()).unwrap();
    enc.finish().unwrap();
    let sub = dir.join("pages");
    std::fs::create_dir_all(&sub).unwrap();
    let html = format!(
        "<html><head><title>بغداد وواشنطن</title><meta property=\"article:published_time\" content=\"2024-01-27T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">الرئيسية</a> <a href=\"/x\">سياسة</a></nav><article><h1>بغداد وواشنطن</h1><p>{}</p><p>وذكرت وكالة الأنباء العراقية أن اللجنة العسكرية العليا عقدت جولتها الأولى في بغداد بحضور مسؤولين من واشنطن.</p></article>\
         <footer><p>جميع الحقوق محفوظة</p></footer><script>var x = 1;</script></body></html>",
        "زار وزير الخارجية الأميركي بغداد والتقى نظيره العراقي لبحث العلاقات الثنائية والتعاون الأمني بين البلدين."
    );
    std::fs::write(sub.join("page.html"), html).unwrap();
    std::fs::write(sub.join("ignored.bin"), [0u8, 1, 2, 3]).unwrap();
    vec![txt, jsonl, gz, sub]
}

#[test]
fn ingest_all_input_kinds_and_reingest_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let paths = corpus(dir.path());
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let out = ingest(&db, &refs);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = stats(&db);
    assert_eq!(s["articles"], 4, "{s}");
    assert_eq!(s["indexed_documents"], 4);
    assert_eq!(s["unindexed"], 0);
    assert_eq!(s["first_date"], "2024-01-27", "HTML date from the metadata");
    assert_eq!(s["last_date"], "2024-05-04");
    // Again: nothing new.
    let out = ingest(&db, &refs);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ingested 0 new articles"));
    let s2 = stats(&db);
    assert_eq!(s2["articles"], 4);
    assert_eq!(s2["quotes"], s["quotes"]);
    assert_eq!(s2["events"], s["events"]);
    assert_eq!(s2["indexed_documents"], 4);
    // The HTML page: title kept, boilerplate and script gone.
    let hits = search(&db, &["اللجنة العسكرية"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["title"], "بغداد وواشنطن");
    assert!(search(&db, &["الحقوق محفوظة"]).is_empty() || search(&db, &["var"]).is_empty());
    assert!(search(&db, &["var"]).is_empty());
}

#[test]
fn search_is_arabic_aware_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let paths = corpus(dir.path());
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    assert!(ingest(&db, &refs).status.success());
    // مفاوضات finds المفاوضات (iraq.txt) and مفاوضات (cairo).
    let ids: Vec<String> = search(&db, &["مفاوضات"]).iter().map(|h| h["id"].as_str().unwrap_or("").to_string()).collect();
    assert!(ids.contains(&"iraq".to_string()) && ids.contains(&"eg-1".to_string()), "{ids:?}");
    // العراق finds بالعراق and للعراق (cairo) as well as العراق (iraq).
    let ids: Vec<String> = search(&db, &["العراق"]).iter().map(|h| h["id"].as_str().unwrap_or("").to_string()).collect();
    assert!(ids.contains(&"eg-1".to_string()) && ids.contains(&"iraq".to_string()), "{ids:?}");
    assert!(!ids.contains(&"tn-1".to_string()));
    // Snippets highlight the original word form.
    let hit = &search(&db, &["التضخم"])[0];
    assert!(hit["snippet_html"].as_str().unwrap().contains("<b>التضخم</b>"), "{hit}");
    // Date filters.
    assert!(search(&db, &["مفاوضات", "--from", "2024-05-01"]).iter().all(|h| h["id"] == "eg-1"));
    assert!(search(&db, &["التضخم", "--to", "2024-03-01"]).is_empty());
    // Unknown actor: nothing.
    assert!(search(&db, &["العراق", "--actor", "no-such-actor"]).is_empty());
    // Malformed query syntax never fails.
    let out = marsad().args(["search", "\"(( AND OR", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success());
}

fn long_article(variant: &str) -> String {
    format!(
        "{IRAQ} {TUNIS} وفي سياق متصل قال المتحدث باسم الحكومة إن \"الاتفاق سيوقع {variant}\" مؤكدا أن المحادثات تسير بشكل جيد وأن الطرفين اتفقا على تشكيل لجان فنية لمتابعة التنفيذ."
    )
}

#[test]
fn near_duplicates_are_linked_and_not_counted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db_one = dir.path().join("one.db");
    let db_two = dir.path().join("two.db");
    let one = dir.path().join("one.jsonl");
    let two = dir.path().join("two.jsonl");
    let first = jsonl_line("wire-1", "2024-02-01", "خبر", &long_article("قريبا"));
    let copy = jsonl_line("site-7", "2024-02-01", "خبر منقول", &long_article("قريبا جدا").replace("اليوم", "الأحد"));
    std::fs::write(&one, &first).unwrap();
    std::fs::write(&two, format!("{first}{copy}")).unwrap();
    assert!(ingest(&db_one, &[&one]).status.success());
    assert!(ingest(&db_two, &[&two]).status.success());
    let (s1, s2) = (stats(&db_one), stats(&db_two));
    assert_eq!(s2["articles"], 2);
    assert_eq!(s2["near_duplicates"], 1, "{s2}");
    assert!(s1["quotes"].as_i64().unwrap() > 0, "{s1}");
    assert_eq!(s1["quotes"], s2["quotes"]);
    assert_eq!(s1["events"], s2["events"]);
    // Search shows the first copy only, unless --all.
    assert_eq!(search(&db_two, &["التضخم"]).len(), 1);
    let all = search(&db_two, &["التضخم", "--all"]);
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|h| h["dup_of"].is_i64()));
    // Exports leave the copy out too.
    let q = marsad().args(["quotes", "--json", "--db"]).arg(&db_two).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&q.stdout).lines().count() as i64, s1["quotes"].as_i64().unwrap());
}

#[test]
fn malformed_lines_and_unreadable_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let input = dir.path().join("mixed.jsonl");
    let good = jsonl_line("tn-1", "2024-04-01", "", TUNIS);
    std::fs::write(&input, format!("{good}{{\"text\": broken\n{{\"id\": 3}}\n{}", jsonl_line("iq", "2024-01-01", "", IRAQ))).unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0xffu8, 0xfe, 0x00, 0x41]).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = ingest(&db, &[&input, &bad, &missing]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("mixed.jsonl:2"), "{err}");
    assert!(err.contains("mixed.jsonl:3"), "{err}");
    assert!(err.contains("bad.txt"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert_eq!(stats(&db)["articles"], 2);
}

#[test]
fn exports_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let input = dir.path().join("e.jsonl");
    let text = "قتل خمسة مدنيين وأصيب عشرة آخرون في غارة جوية شنتها طائرات حربية على بلدة في ريف إدلب شمال غربي سوريا. وتظاهر مئات في دمشق احتجاجا على ارتفاع الأسعار.";
    std::fs::write(&input, jsonl_line("sy-1", "2024-03-10", "غارة", text)).unwrap();
    assert!(ingest(&db, &[&input]).status.success());
    let s = stats(&db);
    let n_events = s["events"].as_i64().unwrap();
    let csv = marsad().args(["events", "--format", "csv", "--db"]).arg(&db).output().unwrap();
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("doc_id,event_id,date,type,"));
    assert!(n_events >= 2, "the sample has an air strike and a protest");
    assert_eq!(csv.lines().count() as i64, n_events + 1);
    // The archive's table is the one `analyze --format events-csv` writes for the same record.
    let direct = marsad().args(["analyze", "--format", "events-csv", "--input"]).arg(&input).output().unwrap();
    assert_eq!(csv, String::from_utf8(direct.stdout).unwrap());
    let jl = marsad().args(["events", "--format", "jsonl", "--type", "protest", "--db"]).arg(&db).output().unwrap();
    let rows: Vec<Value> = String::from_utf8(jl.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["type"] == "PROTEST" && r["doc_id"] == "sy-1"), "{rows:?}");
    let pl = marsad().args(["events", "--format", "plover", "--from", "2024-03-01", "--to", "2024-03-31", "--db"]).arg(&db).output().unwrap();
    let direct = marsad().args(["analyze", "--format", "plover", "--input"]).arg(&input).output().unwrap();
    let records = |s: &[u8]| -> Vec<Value> {
        String::from_utf8_lossy(s).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).collect()
    };
    let (stored, fresh) = (records(&pl.stdout), records(&direct.stdout));
    assert_eq!(stored.len() as i64, n_events);
    assert_eq!(stored, fresh);
    assert!(stored.iter().all(|v| v["cite_info"]["citation"] == "sy-1" && v["event"][0].is_string()));
    let none = marsad().args(["events", "--format", "jsonl", "--to", "2023-12-31", "--db"]).arg(&db).output().unwrap();
    assert!(none.stdout.is_empty());
    let by_type: i64 = s["events_by_type"].as_object().unwrap().values().map(|v| v.as_i64().unwrap()).sum();
    assert_eq!(by_type, n_events);
    assert!(marsad().args(["actors", "--json", "--db"]).arg(&db).output().unwrap().status.success());
    // Reindex from the store after losing the index.
    std::fs::remove_dir_all(dir.path().join("a.db.index")).unwrap();
    assert!(marsad().args(["reindex", "--db"]).arg(&db).output().unwrap().status.success());
    assert_eq!(search(&db, &["مدنيين"]).len(), 1);
    assert_eq!(stats(&db)["indexed_documents"], 1);
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let input = dir.path().join("big.jsonl");
    let n = 4000;
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let words = ["الحكومة", "البرلمان", "الجيش", "المعارضة", "الاقتصاد", "الانتخابات", "النفط", "المياه", "الحدود", "الصحة"];
    for i in 0..n {
        let extra: Vec<&str> = (0..12).map(|k| words[(i * 7 + k * 3 + i / 10) % words.len()]).collect();
        let text = format!("{} التقرير رقم {i} يتناول {}. {}", if i % 2 == 0 { IRAQ } else { TUNIS }, extra.join(" و"), CAIRO);
        f.write_all(jsonl_line(&format!("doc-{i}"), "2024-06-01", "", &text).as_bytes()).unwrap();
    }
    drop(f);
    let bin = assert_cmd::cargo::cargo_bin("marsad");
    let mut child = std::process::Command::new(&bin)
        .args(["ingest", "--batch", "64", "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill it hard.
    let mut killed_at = 0;
    for _ in 0..600 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if db.exists() {
            let out = std::process::Command::new(&bin).args(["stats", "--json", "--db"]).arg(&db).output().unwrap();
            if let Ok(v) = serde_json::from_slice::<Value>(&out.stdout) {
                let a = v["articles"].as_i64().unwrap_or(0);
                if a > 0 {
                    child.kill().unwrap();
                    killed_at = a;
                    break;
                }
            }
        }
    }
    let _ = child.wait();
    assert!(killed_at > 0 && killed_at < n as i64, "the run must be killed mid-way (at {killed_at})");
    let out = ingest(&db, &[&input]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = stats(&db);
    assert_eq!(s["articles"], n as i64, "{s}");
    assert_eq!(s["unindexed"], 0);
    assert_eq!(s["indexed_documents"], n as i64, "index and store agree");
    // Each id once.
    let hits = search(&db, &["التقرير", "--all", "--limit", "100000"]);
    let mut ids: Vec<String> = hits.iter().map(|h| h["id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn parquet_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let input = dir.path().join("e.jsonl");
    let text = "قتل خمسة مدنيين وأصيب عشرة آخرون في غارة جوية على بلدة في ريف إدلب. واعتقلت قوات الأمن عشرين متظاهرا في دمشق.";
    std::fs::write(&input, jsonl_line("sy-2", "2024-03-10", "غارة", text)).unwrap();
    assert!(ingest(&db, &[&input]).status.success());
    let pq = dir.path().join("events.parquet");
    let out = marsad().args(["events", "--format", "parquet", "--db"]).arg(&db).arg("-o").arg(&pq).output().unwrap();
    if cfg!(feature = "parquet") {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&pq).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
    }
}
