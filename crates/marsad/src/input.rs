//! Turning raw bytes into the text that gets analysed.
//!
//! * UTF-8 is required. Invalid input is an error that names the byte offset
//!   ([`DecodeError`]); with `lossy` each invalid sequence becomes U+FFFD.
//! * A byte-order mark is kept: it is part of the exact input, so offsets
//!   count it (it is invisible to matching).
//! * NUL bytes mean binary data: an error, or with `lossy` each NUL becomes
//!   U+FFFD (one code point for one, so offsets are unchanged).
//! * HTML is detected and reduced to its visible text ([`html_to_text`]);
//!   offsets then refer to that extracted text, which the output embeds.
//!   Extraction keeps the headline and the article's paragraphs and leaves
//!   page furniture out (see the `html` submodule).

use std::fmt;

mod html;
pub use html::{decode_entities, html_to_text, HtmlMeta};

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8: the first invalid byte is at this offset.
    InvalidUtf8 { byte_offset: usize },
    /// A NUL byte: binary data, not text.
    Binary { byte_offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { byte_offset } => {
                write!(f, "invalid UTF-8 at byte offset {byte_offset} (use --lossy to replace invalid bytes with U+FFFD)")
            }
            DecodeError::Binary { byte_offset } => {
                write!(f, "NUL byte at byte offset {byte_offset}: this looks like binary data, not text (use --lossy to read it anyway)")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decode bytes as UTF-8 text. With `lossy`, invalid sequences and NUL bytes
/// become U+FFFD and a warning is returned instead of an error.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(String, Vec<String>), DecodeError> {
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if lossy => {
            warnings.push(format!("invalid UTF-8 from byte offset {} replaced with U+FFFD", e.valid_up_to()));
            String::from_utf8_lossy(bytes).into_owned()
        }
        Err(e) => return Err(DecodeError::InvalidUtf8 { byte_offset: e.valid_up_to() }),
    };
    if let Some(pos) = memchr_nul(text.as_bytes()) {
        if !lossy {
            return Err(DecodeError::Binary { byte_offset: pos });
        }
        warnings.push(format!("NUL bytes from byte offset {pos} replaced with U+FFFD"));
        return Ok((text.replace('\0', "\u{FFFD}"), warnings));
    }
    Ok((text, warnings))
}

/// [`decode`] taking ownership of the bytes: valid UTF-8 is reused without a copy,
/// which halves peak memory on huge inputs.
pub fn decode_owned(bytes: Vec<u8>, lossy: bool) -> Result<(String, Vec<String>), DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(pos) = memchr_nul(text.as_bytes()) {
                if !lossy {
                    return Err(DecodeError::Binary { byte_offset: pos });
                }
                let warning = format!("NUL bytes from byte offset {pos} replaced with U+FFFD");
                return Ok((text.replace('\0', "\u{FFFD}"), vec![warning]));
            }
            Ok((text, Vec::new()))
        }
        Err(e) => decode(e.as_bytes(), lossy),
    }
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    memchr::memchr(0, b)
}

/// Whether a text looks like an HTML page or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    // Cheap exit: plain text has no '<' in its first few kilobytes.
    let sample = &text.as_bytes()[..text.len().min(4096)];
    if memchr::memchr(b'<', sample).is_none() {
        return false;
    }
    let head: String = text.trim_start_matches('\u{FEFF}').trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    // A fragment: several block tags early on.
    let sample = String::from_utf8_lossy(sample).to_ascii_lowercase();
    let tags = ["<p>", "<p ", "<div", "<br", "<body", "<article", "<span", "</p>", "<h1", "<h2", "<a href"];
    tags.iter().map(|t| sample.matches(t).count()).sum::<usize>() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let bytes = b"abc\xff\xfe def";
        assert_eq!(decode(bytes, false), Err(DecodeError::InvalidUtf8 { byte_offset: 3 }));
        let (text, warnings) = decode(bytes, true).unwrap();
        assert!(text.starts_with("abc\u{FFFD}"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(decode(b"ab\0c", false), Err(DecodeError::Binary { byte_offset: 2 }));
        let (text, _) = decode(b"ab\0c", true).unwrap();
        assert_eq!(text.chars().count(), 4);
    }

    #[test]
    fn html_is_reduced_to_visible_text() {
        let html = "<!DOCTYPE html><html><head><title>عنوان &amp; خبر</title><meta property=\"article:published_time\" content=\"2024-01-27T10:00:00Z\"><script>var x='<p>';</script></head><body><nav>القائمة</nav><p>قال الوزير&nbsp;إن</p><p>المحادثات مستمرة</p></body></html>";
        assert!(looks_like_html(html));
        let (text, meta) = html_to_text(html);
        assert_eq!(text, "قال الوزير إن\n\nالمحادثات مستمرة");
        assert_eq!(meta.title.as_deref(), Some("عنوان & خبر"));
        assert_eq!(meta.date.as_deref(), Some("2024-01-27"));
    }

    #[test]
    fn boilerplate_is_left_out() {
        let html = "<html><body><header><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/p\">سياسة</a></li></ul></header>\
            <article><h1>عنوان الخبر</h1><div class=\"share-bar\"><div>شارك</div><a href=\"#\">فيسبوك</a></div>\
            <p>قال الوزير إن <a href=\"/x\">المحادثات</a> مستمرة منذ أسابيع في العاصمة.</p>\
            <div id=\"related-news\"><p>أخبار ذات صلة</p></div><p>وأضاف أن الجولة المقبلة ستعقد قريبا.</p></article>\
            <p><a href=\"/a\">خبر أول</a> | <a href=\"/b\">خبر ثان</a></p><aside>الأكثر قراءة</aside><footer>جميع الحقوق محفوظة</footer></body></html>";
        let (text, _) = html_to_text(html);
        assert_eq!(text, "عنوان الخبر\n\nقال الوزير إن المحادثات مستمرة منذ أسابيع في العاصمة.\n\nوأضاف أن الجولة المقبلة ستعقد قريبا.");
    }

    #[test]
    fn plain_text_is_not_html() {
        assert!(!looks_like_html("قال الوزير إن 3 < 5 في النص"));
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a&#1575;&#x0628;&bogus;&"), "aاب&bogus;&");
    }

    const P1: &str = "قال وزير الخارجية إن المحادثات مع الجانب الآخر مستمرة منذ أسابيع في العاصمة، وإن جولة جديدة ستعقد قريبا.";
    const P2: &str = "وأضاف في مؤتمر صحفي أن الحكومة مستعدة لتقديم تنازلات إذا التزم الطرف الآخر بوقف إطلاق النار في المناطق الحدودية.";
    const P3: &str = "وتأتي هذه التصريحات بعد أسبوع من التوتر الذي شهدته المنطقة، وسط دعوات دولية متكررة إلى التهدئة وضبط النفس.";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head><title>وزير الخارجية: المحادثات مستمرة - الموقع</title>{head}</head><body>{body}</body></html>")
    }

    #[test]
    fn article_root_is_found_without_names_and_teasers_stay_out() {
        // No <article>, no telling class names: the block with the real
        // paragraphs wins over a list of linked teasers with summaries.
        let teaser = |i: usize| format!("<div class=\"x{i}\"><div><a href=\"/n/{i}\">خبر آخر رقم {i} عن الاقتصاد</a></div><div>ملخص قصير للخبر يتحدث عن الأسواق.</div></div>");
        let body = format!(
            "<div class=\"a\"><a href=\"/\">الرئيسية</a> <a href=\"/s\">سياسة</a></div><div class=\"b\"><h1>وزير الخارجية: المحادثات مستمرة</h1>\
             <div class=\"c\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div><div class=\"d\">{}</div>",
            (0..4).map(teaser).collect::<String>()
        );
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("وزير الخارجية: المحادثات مستمرة\n\n{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn furniture_inside_the_body_is_dropped() {
        let body = format!(
            "<article><header><div class=\"post-meta\"><time datetime=\"2024-05-01\">1 مايو 2024</time></div><h1>وزير الخارجية: المحادثات مستمرة</h1></header>\
             <figure><img src=\"a.jpg\"><figcaption>الوزير خلال المؤتمر الصحفي (رويترز)</figcaption></figure>\
             <div class=\"entry-content\"><p>{P1}</p><p><strong>اقرأ أيضاً:</strong> <a href=\"/x\">الحكومة تعلن خطة جديدة للإصلاح</a></p>\
             <div class=\"ad-slot\">إعلان</div><p>{P2}</p><blockquote class=\"twitter-tweet\"><p>تغريدة عن المحادثات</p></blockquote><p>{P3}</p>\
             <div class=\"sharedaddy\"><h3>شارك هذا:</h3><a href=\"#\">فيسبوك</a></div></div>\
             <div id=\"comments\"><p>تعليق طويل من أحد القراء يقول فيه إن المحادثات لن تنجح أبدا، وإن الحل في مكان آخر تماما.</p></div></article>"
        );
        let (text, meta) = html_to_text(&page("", &body));
        assert_eq!(text, format!("وزير الخارجية: المحادثات مستمرة\n\n{P1}\n\n{P2}\n\n{P3}"));
        assert_eq!(meta.date.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn unclosed_and_misnested_tags_keep_the_text() {
        let body = format!("<div><p>{P1}<p>{P2}<div><span><b>{P3}</div></span></b><ul><li>بند أول في القائمة<li>بند ثان</ul>");
        let (text, _) = html_to_text(&page("", &body));
        for p in [P1, P2, P3] {
            assert!(text.contains(p), "{text}");
        }
    }

    #[test]
    fn raw_text_elements_and_comments_hide_markup() {
        let body = format!("<script>var s = \"<p>لا</p>\";</script><!-- <p>تعليق</p> --><style>p{{}}</style><p>{P1}</p><textarea><p>نص</p></textarea><p>{P2}</p><noscript>فعّل جافاسكريبت</noscript>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("{P1}\n\n{P2}"));
    }

    #[test]
    fn hidden_elements_are_not_text() {
        let body = format!("<p>{P1}</p><div style=\"display: none\">نص مخفي عن القارئ لا يظهر في الصفحة أبدا مهما حدث.</div><p hidden>مخفي</p><p>{P2}</p>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("{P1}\n\n{P2}"));
    }

    #[test]
    fn headline_in_a_span_is_found_by_the_title() {
        let body = format!("<form id=\"aspnetForm\"><span class=\"NewsTitle\">وزير الخارجية: المحادثات مستمرة</span><br><span class=\"NewsDate\">الأحد 5 مايو 2024</span><br><span class=\"NewsBody\">{P1}<br><br>{P2}</span></form>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("وزير الخارجية: المحادثات مستمرة\n\n{P1}\n\n{P2}"));
    }

    #[test]
    fn pathological_pages_finish() {
        // Deep nesting, unmatched end tags, a huge attribute, an unterminated
        // quote and tag: linear work, the text survives.
        let deep = format!("{}<p>{P1}</p>{}", "<div>".repeat(50_000), "</span>".repeat(50_000));
        assert!(html_to_text(&deep).0.contains(P1));
        let inline = format!("{}{P1}", "<b>".repeat(50_000));
        assert!(html_to_text(&inline).0.contains(P1));
        let attr = format!("<p class=\"{}\">{P1}</p>", "a-".repeat(500_000));
        assert!(html_to_text(&attr).0.contains(P1));
        let quotes = format!("{}<p>{P1}</p>", "<a href=\"x>y ".repeat(20_000));
        let _ = html_to_text(&quotes);
        let unterminated = format!("<p>{P1}</p><div class=\"x");
        assert_eq!(html_to_text(&unterminated).0, P1);
        let lts = format!("<p>{P1}</p>{}", "< <a <! </ <? ".repeat(20_000));
        let _ = html_to_text(&lts);
    }

    #[test]
    fn json_ld_gives_the_date_when_no_meta_tag_does() {
        let head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2024-02-09T08:15:00+03:00\"}</script>";
        let (_, meta) = html_to_text(&page(head, &format!("<p>{P1}</p>")));
        assert_eq!(meta.date.as_deref(), Some("2024-02-09"));
        let (_, meta) = html_to_text(&page("<script type=\"application/ld+json\">{\"datePublished\": 5</script>", "<p>x</p>"));
        assert_eq!(meta.date, None);
    }

    #[test]
    fn an_article_body_with_text_is_kept_inside_a_furniture_named_wrapper() {
        // Blogger: each post sits in a "date-outer" div; the blog's name is the <h1>.
        let body = format!("<h1 class=\"title\">مدونة الأخبار</h1><div class=\"date-outer\"><h2 class=\"date-header\">الخميس</h2><div class=\"post\"><h3 class=\"post-title\"><a href=\"/p\">وزير الخارجية: المحادثات مستمرة</a></h3><div class=\"post-body entry-content\"><div>{P1}</div><div>{P2}</div></div></div></div><div class=\"date-outer\"><div class=\"sidebar-snippet entry-content\">مقتطف قصير من تدوينة أخرى.</div></div>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("وزير الخارجية: المحادثات مستمرة\n\n{P1}\n\n{P2}"));
    }

    #[test]
    fn text_is_never_lost_to_names_alone() {
        // A page whose only text sits under furniture names still gives its text.
        let html = format!("<div class=\"sidebar\"><p>{P1}</p></div>");
        assert_eq!(html_to_text(&html).0, P1);
        // aria-hidden on a wrapper with real text (a page saved behind a modal).
        let html = page("", &format!("<div aria-hidden=\"true\"><p>{P1}</p><p>{P2}</p></div><div role=\"dialog\">اشترك الآن</div>"));
        assert_eq!(html_to_text(&html).0, format!("{P1}\n\n{P2}"));
    }

    #[test]
    fn prose_with_linked_names_is_kept_but_link_lines_are_not() {
        let body = format!("<article><p>{P1}</p><p>وقال <a href=\"/a\">وزير الخارجية الفرنسي</a> إن <a href=\"/b\">الاتحاد الأوروبي</a> سيرسل <a href=\"/c\">بعثة مراقبة</a>.</p><p>{P2}</p><p>شاهد: <a href=\"/v\">كيف تبدو المدينة بعد الفيضانات؟</a></p><p>{P3}</p></article>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("{P1}\n\nوقال وزير الخارجية الفرنسي إن الاتحاد الأوروبي سيرسل بعثة مراقبة.\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn captions_go_but_a_paragraph_with_an_emoji_image_stays() {
        let body = format!("<article><p>{P1}</p><div class=\"pic\"><img src=\"a.jpg\"><p>الوزير في العاصمة (رويترز)</p></div><p>{P2}</p><p>وكتب الوزير على حسابه: شكرا للجميع <img class=\"emoji\" src=\"e.png\" alt=\"\"> على الدعم.</p><p>{P3}</p></article>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("{P1}\n\n{P2}\n\nوكتب الوزير على حسابه: شكرا للجميع على الدعم.\n\n{P3}"));
    }

    #[test]
    fn paragraphs_written_as_divs_are_all_kept() {
        // A short article whose paragraphs are <div>s of unequal length.
        let body = format!("<div class=\"menu\"><a href=\"/\">الرئيسية</a></div><div class=\"w\"><div>{P1} {P3}</div><div>{P2}</div></div><div class=\"f\">حقوق النشر محفوظة 2024</div>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("{P1} {P3}\n\n{P2}"));
    }

    #[test]
    fn the_headline_is_the_h1_that_matches_the_title_not_the_logo() {
        let body = format!("<h1 class=\"logo\">الموقع</h1><div><h1>وزير الخارجية: المحادثات مستمرة</h1><p>{P1}</p><p>{P2}</p></div>");
        let (text, _) = html_to_text(&page("", &body));
        assert_eq!(text, format!("وزير الخارجية: المحادثات مستمرة\n\n{P1}\n\n{P2}"));
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn collapse_is_split_whitespace_joined(s in "[a \u{00A0}\u{2009}\u{3000}\u{0628}\u{2019}\u{E000}\t\n]{0,60}") {
            prop_assert_eq!(html::collapse(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    fn junk() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<div>".to_string()),
            Just("</div>".to_string()),
            Just("<span class=\"x\">".to_string()),
            Just("</span>".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<li>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("</td>".to_string()),
            Just("<br/>".to_string()),
            Just("<img src=x>".to_string()),
            Just("<a href=\"/l\">رابط</a>".to_string()),
            Just("<nav><a href=\"/\">الرئيسية</a></nav>".to_string()),
            Just("<div class=\"related\"><a href=\"/r\">خبر ذو صلة</a></div>".to_string()),
            Just("<script>x<y</script>".to_string()),
            Just("&amp;&nbsp;&#1575;&bogus;".to_string()),
            Just("</i></b></li>".to_string()),
            "[a-z ]{0,12}".prop_map(|s| s),
            "[\u{0621}-\u{064A} ]{0,20}".prop_map(|s| s),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(s in "(?s).{0,400}") {
            let (text, _) = html_to_text(&s);
            prop_assert!(!text.contains("\n\n\n"));
            prop_assert_eq!(text.trim(), text.as_str());
        }

        #[test]
        fn tag_soup_never_panics(s in "[<>/=\"' a-z!&;#\u{0627}\u{0628}-]{0,300}") {
            let _ = html_to_text(&s);
            let _ = looks_like_html(&s);
        }

        #[test]
        fn plain_text_comes_back_whitespace_collapsed(s in "[\u{0621}-\u{064A}a-z0-9 .,\n]{1,200}") {
            let (text, _) = html_to_text(&s);
            let words: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(text.split_whitespace().collect::<Vec<_>>(), words);
        }

        #[test]
        fn article_paragraphs_survive_junk_around_them(before in junk(), after in junk()) {
            let html = page("", &format!("{before}<article><h1>وزير الخارجية: المحادثات مستمرة</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>{after}"));
            let (text, _) = html_to_text(&html);
            for p in [P1, P2, P3] {
                prop_assert!(text.contains(p), "lost a paragraph: {}", text);
            }
        }
    }
}
