//! HTML page → article text.
//!
//! The page is read once by a tolerant tokenizer into a light element tree
//! (no DOM library: unclosed and misnested tags are repaired the way browsers
//! mostly do, with bounded searches so that no input is quadratic). Text is
//! cut into blocks at block-level tags. Then:
//!
//! 1. Page furniture is excluded: `script`/`style`/`svg`, form controls,
//!    hidden elements, figures and captions, `nav`/`aside`/`footer`, and
//!    elements whose class, id or role names furniture (menus, share bars,
//!    related links, comments, ads, bylines; the word lists are in
//!    `data/html/boilerplate_names.txt`). An element holding the page's
//!    `<h1>` or its `itemprop=articleBody` is never excluded that way.
//! 2. The article root is the element with the best text score (blocks of
//!    real text with commas score their container and, less, its ancestors;
//!    link-dense containers are penalised), narrowed to an
//!    `itemprop=articleBody`/article-body element inside it or widened to an
//!    enclosing `<article>`/article-body element, plus sibling blocks that
//!    score well (a lead paragraph kept apart from the body).
//! 3. The headline (the `<h1>` that best matches the page title; else an
//!    `<h2>` or any short block that repeats the title) comes first, then a
//!    standfirst paragraph between it and the root, then the root's blocks
//!    in document order, without forms, link lists, "read
//!    also" pointers and furniture labels (`data/html/junk_phrases.txt`),
//!    datelines, photo captions, and short blocks before the first or after
//!    the last real paragraph.

use std::collections::HashSet;
use std::sync::OnceLock;

const NAMES_DATA: &str = include_str!("../../../../data/html/boilerplate_names.txt");
const PHRASES_DATA: &str = include_str!("../../../../data/html/junk_phrases.txt");

/// Metadata found in an HTML page's head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    /// A publication date (YYYY-MM-DD) from `article:published_time`, `date`,
    /// `pubdate`, `datePublished` or a `<time datetime>` element.
    pub date: Option<String>,
}

// ---------------------------------------------------------------- word lists

struct Lists {
    tokens: HashSet<String>,
    small_tokens: HashSet<String>,
    substrings: Vec<String>,
    positive: Vec<String>,
    weak_tags: HashSet<String>,
    furniture_tags: HashSet<String>,
    /// Normalised, lower-cased.
    prefixes: Vec<String>,
    labels: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = Lists {
            tokens: HashSet::new(),
            small_tokens: HashSet::new(),
            substrings: Vec::new(),
            positive: Vec::new(),
            weak_tags: HashSet::new(),
            furniture_tags: HashSet::new(),
            prefixes: Vec::new(),
            labels: HashSet::new(),
        };
        for (section, line) in sections(NAMES_DATA) {
            let w = line.to_ascii_lowercase();
            match section {
                "token" => {
                    l.tokens.insert(w);
                }
                "small" => {
                    l.small_tokens.insert(w);
                }
                "substring" => l.substrings.push(w),
                "positive" => l.positive.push(w),
                "weak" => {
                    l.weak_tags.insert(w);
                }
                "furniture" => {
                    l.furniture_tags.insert(w);
                }
                _ => {}
            }
        }
        for (section, line) in sections(PHRASES_DATA) {
            let w = fold(line);
            if w.is_empty() {
                continue;
            }
            match section {
                "prefix" => l.prefixes.push(w),
                "label" => {
                    l.labels.insert(w);
                }
                _ => {}
            }
        }
        l
    })
}

/// `(section, line)` pairs of a `[section]`-headed list file, comments and
/// blank lines left out.
fn sections(data: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s;
            return None;
        }
        Some((section, line))
    })
}

/// Normalised and lower-cased, whitespace collapsed, for phrase matching.
fn fold(s: &str) -> String {
    let n = marsad_text::normalize_str(s).to_lowercase();
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- tags

const BLOCK: u32 = 1;
const PARA: u32 = 1 << 1;
const VOID: u32 = 1 << 2;
const RAW: u32 = 1 << 3;
const SKIP: u32 = 1 << 4;
const FIGURE: u32 = 1 << 5;
const IMG: u32 = 1 << 6;
const LINK: u32 = 1 << 7;
const HEADING: u32 = 1 << 8;
const H1: u32 = 1 << 9;
const TIME: u32 = 1 << 10;
const ARTICLE: u32 = 1 << 11;
const NOCLASS: u32 = 1 << 12;
const CLOSES_P: u32 = 1 << 13;
const LIST: u32 = 1 << 14;
const CELL: u32 = 1 << 15;
const TABLE: u32 = 1 << 16;

/// Properties of a (lower-case) tag name.
fn tag_props(name: &[u8]) -> u32 {
    match name {
        b"p" => BLOCK | PARA | CLOSES_P,
        b"div" | b"section" | b"header" | b"hgroup" | b"address" | b"fieldset" | b"details" | b"summary" | b"center" => BLOCK | CLOSES_P,
        b"article" => BLOCK | CLOSES_P | ARTICLE | NOCLASS,
        b"main" => BLOCK | CLOSES_P | NOCLASS,
        b"body" | b"html" => BLOCK | NOCLASS,
        b"h1" => BLOCK | PARA | CLOSES_P | HEADING | H1,
        b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => BLOCK | PARA | CLOSES_P | HEADING,
        b"ul" | b"ol" | b"dl" => BLOCK | CLOSES_P | LIST,
        b"li" | b"dd" | b"dt" => BLOCK | PARA | CLOSES_P,
        b"blockquote" | b"pre" => BLOCK | PARA | CLOSES_P,
        b"table" => BLOCK | CLOSES_P | TABLE,
        b"tr" => BLOCK | TABLE,
        b"tbody" | b"thead" | b"tfoot" | b"caption" => BLOCK,
        b"td" | b"th" => BLOCK | CELL,
        b"nav" | b"aside" | b"footer" | b"menu" | b"form" | b"dialog" => BLOCK | CLOSES_P,
        b"figure" | b"figcaption" | b"picture" => BLOCK | CLOSES_P | FIGURE,
        b"br" => BLOCK | VOID,
        b"hr" => BLOCK | VOID | CLOSES_P,
        b"img" | b"amp-img" | b"image" => VOID | IMG,
        b"wbr" | b"input" | b"meta" | b"link" | b"area" | b"base" | b"col" | b"embed" | b"source" | b"track" | b"param" | b"keygen" => VOID,
        b"a" => LINK,
        b"time" => TIME,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noscript" | b"noembed" | b"noframes" => RAW,
        b"svg" | b"math" | b"select" | b"button" | b"object" | b"canvas" | b"video" | b"audio" | b"map" | b"datalist" | b"template" | b"option" | b"label" => SKIP,
        _ => 0,
    }
}

// node flags
const MARKED: u16 = 1;
const POSITIVE: u16 = 1 << 1;
const ARTICLE_BODY: u16 = 1 << 2;
const HIDDEN: u16 = 1 << 3;
const FURNITURE: u16 = 1 << 4;
const WEAK: u16 = 1 << 5;
const HAS_IMG: u16 = 1 << 6;
const MARKED_SMALL: u16 = 1 << 7;
/// aria-hidden: decorative icons, or (rarely) a whole page behind a modal.
const ARIA_HIDDEN: u16 = 1 << 8;

struct Node {
    parent: u32,
    /// Nearest block-level ancestor-or-self: the owner of text written here.
    block: u32,
    name: u64,
    props: u32,
    flags: u16,
}

struct Piece {
    start: u32,
    end: u32,
    node: u32,
    link: bool,
}

struct Block {
    owner: u32,
    p0: u32,
    p1: u32,
    has_time: bool,
}

fn name_hash(name: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in name {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// How far down the stack of open elements an end tag looks for its match.
const STACK_SEARCH: usize = 256;

struct Parser<'a> {
    html: &'a str,
    lists: &'static Lists,
    nodes: Vec<Node>,
    stack: Vec<u32>,
    links_open: u32,
    pieces: Vec<Piece>,
    blocks: Vec<Block>,
    block_p0: usize,
    block_time: bool,
    meta: HtmlMeta,
    og_title: Option<String>,
    page_title: Option<String>,
    scratch: String,
    no_quote: [bool; 2],
}

impl<'a> Parser<'a> {
    fn new(html: &'a str) -> Self {
        let root = Node { parent: 0, block: 0, name: 0, props: BLOCK, flags: 0 };
        Parser {
            html,
            lists: lists(),
            nodes: vec![root],
            stack: Vec::new(),
            links_open: 0,
            pieces: Vec::new(),
            blocks: Vec::new(),
            block_p0: 0,
            block_time: false,
            meta: HtmlMeta::default(),
            og_title: None,
            page_title: None,
            scratch: String::new(),
            no_quote: [false; 2],
        }
    }

    fn top(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let s = &self.html.as_bytes()[start..end];
        if self.pieces.len() == self.block_p0 && s.iter().all(|b| b.is_ascii_whitespace()) {
            return;
        }
        self.pieces.push(Piece { start: start as u32, end: end as u32, node: self.top(), link: self.links_open > 0 });
    }

    fn boundary(&mut self) {
        if self.pieces.len() > self.block_p0 {
            let first = self.pieces[self.block_p0].node as usize;
            let owner = self.nodes[first].block;
            self.blocks.push(Block { owner, p0: self.block_p0 as u32, p1: self.pieces.len() as u32, has_time: self.block_time });
        }
        self.block_p0 = self.pieces.len();
        self.block_time = false;
    }

    fn pop_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            let n = self.stack.pop().unwrap_or(0) as usize;
            if self.nodes[n].props & LINK != 0 {
                self.links_open = self.links_open.saturating_sub(1);
            }
        }
    }

    /// Close the nearest open element named `name`, looking down the stack
    /// no further than an element with a `stop` property.
    fn close_open(&mut self, names: &[u64], stop: u32) {
        let lo = self.stack.len().saturating_sub(STACK_SEARCH);
        for d in (lo..self.stack.len()).rev() {
            let n = &self.nodes[self.stack[d] as usize];
            if names.contains(&n.name) {
                self.pop_to(d);
                return;
            }
            if n.props & stop != 0 {
                return;
            }
        }
    }

    /// The end of the tag opened at `lt` (the index of its '>'), skipping
    /// quoted attribute values.
    fn tag_end(&mut self, from: usize) -> Option<usize> {
        let b = self.html.as_bytes();
        let mut i = from;
        let mut prev = 0u8;
        while i < b.len() {
            let c = b[i];
            if c == b'>' {
                return Some(i);
            }
            if (c == b'"' || c == b'\'') && prev == b'=' {
                let q = (c == b'\'') as usize;
                if !self.no_quote[q] {
                    match b[i + 1..].iter().position(|&x| x == c) {
                        Some(p) => {
                            i += p + 2;
                            prev = c;
                            continue;
                        }
                        None => self.no_quote[q] = true,
                    }
                }
            }
            if !c.is_ascii_whitespace() {
                prev = c;
            }
            i += 1;
        }
        None
    }

    fn run(&mut self) {
        let html = self.html;
        let b = html.as_bytes();
        let mut i = 0usize;
        let mut text_start = 0usize;
        while let Some(off) = html[i..].find('<') {
            let lt = i + off;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' || next == b'?' {
                self.text(text_start, lt);
                let end = if html[lt..].starts_with("<!--") {
                    html[lt + 4..].find("-->").map(|e| lt + 4 + e + 3)
                } else if html[lt..].starts_with("<![CDATA[") {
                    html[lt..].find("]]>").map(|e| lt + e + 3)
                } else {
                    html[lt..].find('>').map(|e| lt + e + 1)
                }
                .unwrap_or(b.len());
                i = end;
                text_start = end;
                continue;
            }
            let closing = next == b'/';
            let name_from = lt + 1 + closing as usize;
            if !b.get(name_from).is_some_and(|c| c.is_ascii_alphabetic()) {
                i = lt + 1;
                continue;
            }
            let Some(gt) = self.tag_end(name_from) else {
                // An unterminated tag at the end of the page: not text.
                self.text(text_start, lt);
                text_start = b.len();
                break;
            };
            self.text(text_start, lt);
            let inner = &html[name_from..gt];
            let name_len = inner.bytes().position(|c| c.is_ascii_whitespace() || c == b'/').unwrap_or(inner.len());
            let name = &inner.as_bytes()[..name_len];
            let mut lower = [0u8; 24];
            let lname: &[u8] = if name.len() <= lower.len() {
                for (d, s) in lower.iter_mut().zip(name) {
                    *d = s.to_ascii_lowercase();
                }
                &lower[..name.len()]
            } else {
                b"-long-"
            };
            let props = tag_props(lname);
            i = gt + 1;
            text_start = i;
            if closing {
                self.end_tag(lname, props);
            } else {
                let self_closing = inner.ends_with('/');
                if let Some(after) = self.start_tag(lname, props, inner, self_closing, gt + 1) {
                    i = after;
                    text_start = after;
                }
            }
        }
        self.text(text_start, b.len());
        self.boundary();
    }

    fn end_tag(&mut self, name: &[u8], props: u32) {
        if props & BLOCK != 0 {
            self.boundary();
        }
        if props & (VOID | RAW) != 0 || name == b"body" || name == b"html" {
            return;
        }
        let h = name_hash(name);
        let lo = self.stack.len().saturating_sub(STACK_SEARCH);
        if let Some(d) = (lo..self.stack.len()).rev().find(|&d| self.nodes[self.stack[d] as usize].name == h) {
            self.pop_to(d);
        }
    }

    /// Handles a start tag; for raw-text elements returns where scanning resumes.
    fn start_tag(&mut self, name: &[u8], props: u32, inner: &str, self_closing: bool, after: usize) -> Option<usize> {
        match name {
            b"meta" => self.read_meta(inner),
            b"time" if self.meta.date.is_none() => {
                if let Some(v) = attr(inner, "datetime") {
                    self.meta.date = date_prefix(&v);
                }
            }
            _ => {}
        }
        if props & RAW != 0 {
            if self_closing {
                return None;
            }
            let end = find_close(self.html, after, name);
            if name == b"script" && self.meta.date.is_none() && attr(inner, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
                self.meta.date = json_ld_date(&self.html[after..end]);
            }
            if name == b"title" && self.page_title.is_none() {
                let t = collapse(&decode_entities(&self.html[after..end]));
                if !t.is_empty() {
                    if self.meta.title.is_none() {
                        self.meta.title = Some(t.clone());
                    }
                    self.page_title = Some(t);
                }
            }
            // Skip the closing tag too.
            let resume = self.html[end..].find('>').map(|e| end + e + 1).unwrap_or(self.html.len());
            return Some(resume);
        }
        if props & CLOSES_P != 0 {
            self.close_open(&[name_hash(b"p")], BLOCK);
        }
        match name {
            b"li" => self.close_open(&[name_hash(b"li")], LIST),
            b"dt" | b"dd" => self.close_open(&[name_hash(b"dt"), name_hash(b"dd")], LIST),
            b"td" | b"th" => self.close_open(&[name_hash(b"td"), name_hash(b"th")], TABLE),
            b"tr" => self.close_open(&[name_hash(b"tr")], TABLE),
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
                if let Some(&t) = self.stack.last() {
                    if self.nodes[t as usize].props & HEADING != 0 {
                        self.pop_to(self.stack.len() - 1);
                    }
                }
            }
            _ => {}
        }
        if props & BLOCK != 0 {
            self.boundary();
        }
        if props & TIME != 0 {
            self.block_time = true;
        }
        if props & IMG != 0 {
            let t = self.top() as usize;
            self.nodes[t].flags |= HAS_IMG;
        }
        if props & VOID != 0 || self_closing {
            return None;
        }
        let flags = self.judge(name, props, inner);
        let parent = self.top();
        let idx = self.nodes.len() as u32;
        let block = if props & BLOCK != 0 { idx } else { self.nodes[parent as usize].block };
        self.nodes.push(Node { parent, block, name: name_hash(name), props, flags });
        self.stack.push(idx);
        if props & LINK != 0 {
            self.links_open += 1;
        }
        None
    }

    /// Flags from the tag name and its class, id, role, itemprop and hiding attributes.
    fn judge(&mut self, name: &[u8], props: u32, inner: &str) -> u16 {
        let l = self.lists;
        let mut flags = 0u16;
        let name_str = std::str::from_utf8(name).unwrap_or("");
        if l.furniture_tags.contains(name_str) {
            flags |= FURNITURE;
        }
        if l.weak_tags.contains(name_str) {
            flags |= WEAK;
        }
        if name.contains(&b'-') {
            if tokens_match(name_str, &l.tokens) {
                flags |= MARKED;
            } else if tokens_match(name_str, &l.small_tokens) {
                flags |= MARKED_SMALL;
            }
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        for_each_attr(inner, |n, v| {
            if n.eq_ignore_ascii_case("class") || n.eq_ignore_ascii_case("id") || n.eq_ignore_ascii_case("role") || is_naming_attr(n) {
                scratch.clear();
                scratch.push_str(v);
                scratch.make_ascii_lowercase();
                if l.positive.iter().any(|p| scratch.contains(p.as_str())) {
                    flags |= POSITIVE;
                }
                if props & NOCLASS == 0 {
                    if l.substrings.iter().any(|p| scratch.contains(p.as_str())) || tokens_match(v, &l.tokens) {
                        flags |= MARKED;
                    } else if tokens_match(v, &l.small_tokens) {
                        flags |= MARKED_SMALL;
                    }
                }
            } else if n.eq_ignore_ascii_case("itemprop") {
                if v.to_ascii_lowercase().contains("articlebody") {
                    flags |= ARTICLE_BODY;
                }
            } else if n.eq_ignore_ascii_case("hidden") {
                flags |= HIDDEN;
            } else if n.eq_ignore_ascii_case("aria-hidden") {
                if v.trim().eq_ignore_ascii_case("true") {
                    flags |= ARIA_HIDDEN;
                }
            } else if n.eq_ignore_ascii_case("style") {
                let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                if compact.contains("display:none") || compact.contains("visibility:hidden") {
                    flags |= HIDDEN;
                }
            }
        });
        self.scratch = scratch;
        flags
    }

    fn read_meta(&mut self, tag: &str) {
        let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop")).unwrap_or_default().to_ascii_lowercase();
        let Some(content) = attr(tag, "content") else { return };
        match key.as_str() {
            "article:published_time" | "datepublished" | "date" | "pubdate" | "publishdate" | "og:published_time" | "dc.date" | "dc.date.issued"
                if self.meta.date.is_none() =>
            {
                self.meta.date = date_prefix(&content);
            }
            "og:title" | "twitter:title" => {
                let t = collapse(&content);
                if self.meta.title.is_none() {
                    self.meta.title = Some(t.clone());
                }
                if self.og_title.is_none() {
                    self.og_title = Some(t);
                }
            }
            _ => {}
        }
    }
}

/// Attributes besides class, id and role whose value names a component
/// (React/Vue sites with hashed class names still label their parts).
fn is_naming_attr(n: &str) -> bool {
    ["aria-labelledby", "data-component", "data-testid", "data-e2e", "data-module", "data-widget", "data-block"]
        .iter()
        .any(|a| n.eq_ignore_ascii_case(a))
}

/// Whether a class/id value has a furniture word: split at non-alphanumerics
/// and camelCase humps.
fn tokens_match(v: &str, tokens: &HashSet<String>) -> bool {
    let b = v.as_bytes();
    let mut buf = [0u8; 32];
    let mut len = 0usize;
    let mut too_long = false;
    let mut prev_lower = false;
    let check = |buf: &[u8], len: usize, too_long: bool| -> bool {
        len > 0 && !too_long && std::str::from_utf8(&buf[..len]).is_ok_and(|t| tokens.contains(t))
    };
    for &c in b {
        let alnum = c.is_ascii_alphanumeric() || c >= 0x80;
        let hump = c.is_ascii_uppercase() && prev_lower;
        if !alnum || hump {
            if check(&buf, len, too_long) {
                return true;
            }
            len = 0;
            too_long = false;
        }
        if alnum {
            if len < buf.len() {
                buf[len] = c.to_ascii_lowercase();
                len += 1;
            } else {
                too_long = true;
            }
        }
        prev_lower = c.is_ascii_lowercase();
    }
    check(&buf, len, too_long)
}

/// The byte offset of the closing tag `</name` at or after `from` (or the end).
fn find_close(html: &str, from: usize, name: &[u8]) -> usize {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(off) = html[i..].find("</") {
        let at = i + off;
        let s = at + 2;
        let e = s + name.len();
        if e <= b.len() && b[s..e].eq_ignore_ascii_case(name) && b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

/// Calls `f(name, value)` for each attribute inside a tag (after its name).
fn for_each_attr<'a>(s: &'a str, mut f: impl FnMut(&'a str, &'a str)) {
    let b = s.as_bytes();
    let mut i = b.iter().position(|c| c.is_ascii_whitespace() || *c == b'/').unwrap_or(b.len());
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &s[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i += 1;
                let vs = i;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                let v = &s[vs..i];
                i = (i + 1).min(b.len());
                f(name, v);
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                f(name, &s[vs..i]);
            }
        } else if !name.is_empty() {
            f(name, "");
        }
    }
}

/// The value of attribute `name` in the inside of a tag, entities decoded.
pub(super) fn attr(tag: &str, name: &str) -> Option<String> {
    let mut found = None;
    for_each_attr(tag, |n, v| {
        if found.is_none() && n.eq_ignore_ascii_case(name) {
            found = Some(decode_entities(v));
        }
    });
    found
}

/// `datePublished` in a JSON-LD block.
fn json_ld_date(json: &str) -> Option<String> {
    let at = json.find("\"datePublished\"")? + "\"datePublished\"".len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    date_prefix(&rest[..rest.find('"').unwrap_or(rest.len())])
}

fn date_prefix(v: &str) -> Option<String> {
    let d: String = v.trim().chars().take(10).collect();
    crate::valid_date(&d).then_some(d)
}

/// Whitespace runs (Unicode White_Space, NBSP included) become one space;
/// no space at either end.
pub(super) fn collapse(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word_start = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // Only these lead bytes can start a whitespace character.
        let (ws, len) = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => (true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let ch = s[i..].chars().next().unwrap_or('x');
                (ch.is_whitespace(), ch.len_utf8())
            }
            _ => (false, 1),
        };
        if ws {
            if let Some(st) = word_start.take() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[st..i]);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
        i += len;
    }
    if let Some(st) = word_start {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[st..]);
    }
    out
}

// ---------------------------------------------------------------- extraction

/// Counts of a block's visible text.
#[derive(Clone, Copy, Default)]
struct Stat {
    chars: u32,
    link: u32,
    commas: u32,
    /// Separate links (runs of linked text).
    link_runs: u32,
}

fn count(s: &[u8]) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut prev = 0u8;
    for &c in s {
        if c & 0xC0 != 0x80 && !c.is_ascii_whitespace() {
            chars += 1;
        }
        if c == b',' || (c == 0x8C && prev == 0xD8) {
            commas += 1;
        }
        prev = c;
    }
    (chars, commas)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    Short,
    Drop,
}

/// Extract the article text of an HTML page (see the module documentation):
/// headline and paragraphs in order, separated by blank lines, entities
/// decoded and whitespace collapsed.
pub fn html_to_text(html: &str) -> (String, HtmlMeta) {
    // Offsets are kept as u32: a page beyond 4 GiB is read up to that size.
    let mut cut = html.len().min(u32::MAX as usize - 1);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let html = &html[..cut];
    let mut p = Parser::new(html);
    p.run();
    let text = extract(&p);
    (text, p.meta)
}

fn extract(p: &Parser) -> String {
    let nodes = &p.nodes;
    let n = nodes.len();
    let par = |i: usize| nodes[i].parent as usize;
    // Subtree ends (nodes are in document order, parents first).
    let mut end: Vec<u32> = (0..n as u32).collect();
    let mut protect = vec![false; n];
    let mut has_img = vec![false; n];
    let mut block_child = vec![false; n];
    for i in (1..n).rev() {
        let pi = par(i);
        end[pi] = end[pi].max(end[i]);
        if nodes[i].flags & HAS_IMG != 0 {
            has_img[i] = true;
        }
        if has_img[i] {
            has_img[pi] = true;
        }
        if nodes[i].props & BLOCK != 0 {
            block_child[pi] = true;
        }
    }
    // Paragraph-like: a p/h/li, or a block element holding no other block
    // (sites that write paragraphs as <div>s).
    let para_like = |i: usize| i != 0 && (nodes[i].props & PARA != 0 || (!block_child[i] && nodes[i].props & (CELL | LIST | ARTICLE) == 0));
    // Never text: hidden, raw, skipped, figures.
    let mut hard = vec![false; n];
    for i in 1..n {
        let nd = &nodes[i];
        hard[i] = hard[par(i)] || nd.flags & HIDDEN != 0 || nd.props & (SKIP | FIGURE | RAW) != 0;
    }
    let html = p.html.as_bytes();
    let piece_counts: Vec<(u32, u32)> = p
        .pieces
        .iter()
        .map(|pc| if hard[pc.node as usize] { (0, 0) } else { count(&html[pc.start as usize..pc.end as usize]) })
        .collect();
    // Real text under each element, furniture names ignored: an article-body
    // element with real text is never furniture, whatever its wrappers say
    // (Blogger wraps each post in a "date-outer" div).
    let mut raw_good = vec![0u32; n];
    for b in &p.blocks {
        let (mut chars, mut link) = (0u32, 0u32);
        for (k, pc) in p.pieces[b.p0 as usize..b.p1 as usize].iter().enumerate() {
            let c = piece_counts[b.p0 as usize + k].0;
            chars += c;
            if pc.link {
                link += c;
            }
        }
        if chars >= 40 && link * 3 < chars {
            raw_good[b.owner as usize] += chars;
        }
    }
    for i in (1..n).rev() {
        raw_good[par(i)] += raw_good[i];
    }
    for i in (1..n).rev() {
        let nd = &nodes[i];
        if nd.props & H1 != 0 || nd.flags & ARTICLE_BODY != 0 || (nd.flags & POSITIVE != 0 && raw_good[i] >= 100) {
            protect[i] = true;
        }
        if protect[i] {
            protect[par(i)] = true;
        }
    }
    let mut excl = vec![false; n];
    for i in 1..n {
        let nd = &nodes[i];
        let furniture = nd.flags & (MARKED | FURNITURE) != 0
            || (nd.flags & MARKED_SMALL != 0 && raw_good[i] < 300)
            || (nd.flags & ARIA_HIDDEN != 0 && raw_good[i] == 0);
        excl[i] = excl[par(i)] || hard[i] || (furniture && !protect[i]);
    }
    // Block statistics.
    let stats: Vec<Stat> = p
        .blocks
        .iter()
        .map(|b| {
            let mut s = Stat::default();
            let mut prev_link = false;
            for (k, pc) in p.pieces[b.p0 as usize..b.p1 as usize].iter().enumerate() {
                if excl[pc.node as usize] {
                    continue;
                }
                let (c, m) = piece_counts[b.p0 as usize + k];
                s.chars += c;
                s.commas += m;
                if pc.link {
                    s.link += c;
                    if !prev_link && c > 0 {
                        s.link_runs += 1;
                    }
                }
                prev_link = pc.link;
            }
            s
        })
        .collect();
    // Node statistics.
    let mut total = vec![0u32; n];
    let mut linkc = vec![0u32; n];
    let mut good = vec![0u32; n];
    let mut score = vec![0f32; n];
    for (b, s) in p.blocks.iter().zip(&stats) {
        if s.chars == 0 {
            continue;
        }
        let o = b.owner as usize;
        total[o] += s.chars;
        linkc[o] += s.link;
        let ld = s.link as f32 / s.chars as f32;
        if s.chars >= 40 && ld < 0.33 {
            good[o] += s.chars;
        }
        if s.chars >= 25 && ld < 0.5 {
            let v = 1.0 + s.commas as f32 + (s.chars as f32 / 100.0).min(3.0);
            let mut at = if para_like(o) { par(o) } else { o };
            for level in 0..5 {
                score[at] += match level {
                    0 => v,
                    1 => v / 2.0,
                    k => v / (3.0 * k as f32),
                };
                if at == 0 {
                    break;
                }
                at = par(at);
            }
        }
    }
    for i in (1..n).rev() {
        let pi = par(i);
        total[pi] += total[i];
        linkc[pi] += linkc[i];
        good[pi] += good[i];
    }
    let cand = |i: usize| -> f32 {
        if score[i] <= 0.0 || excl[i] {
            return 0.0;
        }
        let nd = &nodes[i];
        let mut w = 0.0;
        if nd.flags & (POSITIVE | ARTICLE_BODY) != 0 {
            w += 25.0;
        }
        if nd.props & ARTICLE != 0 {
            w += 10.0;
        }
        if nd.props & (LIST | PARA) != 0 || nd.flags & WEAK != 0 {
            w -= 3.0;
        }
        let ld = if total[i] > 0 { linkc[i] as f32 / total[i] as f32 } else { 0.0 };
        ((score[i] + w) * (1.0 - ld)).max(0.0)
    };
    let mut top = None;
    let mut top_score = 0f32;
    for i in 0..n {
        let c = cand(i);
        if c > top_score {
            top_score = c;
            top = Some(i);
        }
    }
    let mut roots: Vec<usize> = Vec::new();
    if let Some(mut t) = top {
        // Narrow to an article-body element holding most of the text.
        let mut best: Option<usize> = None;
        for i in t + 1..=end[t] as usize {
            if !excl[i]
                && nodes[i].flags & (POSITIVE | ARTICLE_BODY) != 0
                && good[i] as f32 >= 0.8 * good[t] as f32
                && good[i] > 0
                && best.is_none_or(|b| good[i] > good[b])
            {
                best = Some(i);
            }
        }
        if let Some(b) = best {
            t = b;
        } else {
            // Widen to an enclosing article (body) whose text is mostly this one.
            let mut a = t;
            for _ in 0..4 {
                if a == 0 {
                    break;
                }
                a = par(a);
                let nd = &nodes[a];
                if !excl[a]
                    && (nd.flags & (POSITIVE | ARTICLE_BODY) != 0 || nd.props & ARTICLE != 0)
                    && good[a] > good[t]
                    && good[t] as f32 >= 0.7 * good[a] as f32
                {
                    t = a;
                    break;
                }
            }
        }
        // Siblings that belong to the article: well-scored ones, and long
        // paragraphs of plain text.
        if t == 0 {
            roots.push(0);
        } else {
            let pt = par(t);
            let ts = cand(t);
            let threshold = (0.2 * ts).max(10.0);
            let mut c = pt + 1;
            while c <= end[pt] as usize {
                if par(c) == pt && !excl[c] {
                    let ld = if total[c] > 0 { linkc[c] as f32 / total[c] as f32 } else { 1.0 };
                    if c == t || cand(c) >= threshold || (para_like(c) && nodes[c].props & HEADING == 0 && total[c] > 80 && ld < 0.25) {
                        roots.push(c);
                    }
                }
                c = end[c] as usize + 1;
            }
        }
    } else {
        roots.push(0);
    }
    let mut is_root = vec![false; n];
    for &r in &roots {
        is_root[r] = true;
    }
    let mut in_region = vec![false; n];
    let mut weak = vec![false; n];
    let mut root_of = vec![0usize; n];
    in_region[0] = is_root[0];
    for i in 1..n {
        in_region[i] = in_region[par(i)] || is_root[i];
        root_of[i] = if is_root[i] { i } else { root_of[par(i)] };
        // A form inside the article is a comment or search form, unless it
        // wraps most of the text (ASP.NET pages wrap everything in one).
        weak[i] = !is_root[i]
            && in_region[i]
            && (weak[par(i)] || (nodes[i].flags & WEAK != 0 && good[i] * 2 < good[root_of[i]].max(1)));
    }

    let headline = find_headline(p, &excl, &stats);
    let block_text = |bi: usize| block_plain_text(p, &p.blocks[bi], &excl);

    let lists = p.lists;
    let headline_at = headline.as_ref().and_then(|h| h.1.iter().min().copied());
    let mut kept: Vec<(String, Class)> = Vec::new();
    let mut first_region_block = None;
    for (bi, b) in p.blocks.iter().enumerate() {
        let s = stats[bi];
        let o = b.owner as usize;
        if s.chars == 0 || !in_region[o] || weak[o] || headline.as_ref().is_some_and(|h| h.1.contains(&bi)) {
            continue;
        }
        first_region_block.get_or_insert(bi);
        let text = block_text(bi);
        if text.is_empty() {
            continue;
        }
        let mut class = classify(&text, s, b, o, nodes, &is_root, &has_img, &total, lists);
        // Above the headline: kickers, datelines, breadcrumbs. Only a real
        // sentence survives there.
        if headline_at.is_some_and(|h| bi < h) && !(class == Class::Good && ends_sentence(&text)) {
            class = Class::Drop;
        }
        kept.push((text, class));
    }
    let any_good = kept.iter().any(|k| k.1 == Class::Good);
    let first_good = kept.iter().position(|k| k.1 == Class::Good).unwrap_or(0);
    let last_good = kept.iter().rposition(|k| k.1 == Class::Good).unwrap_or(kept.len());
    let mut out = String::with_capacity(p.html.len() / 4);
    if let Some((h, hb)) = &headline {
        out.push_str(h);
        // A standfirst between the headline and the article root: real
        // paragraphs only.
        let from = hb.iter().max().map_or(0, |&b| b + 1);
        let to = first_region_block.unwrap_or(from);
        for (bi, (b, &s)) in p.blocks.iter().zip(&stats).enumerate().take(to.min(from + 50)).skip(from) {
            let o = b.owner as usize;
            if s.chars == 0 || excl[o] || nodes[o].props & HEADING != 0 {
                continue;
            }
            let text = block_text(bi);
            if classify(&text, s, b, o, nodes, &is_root, &has_img, &total, lists) == Class::Good {
                out.push_str("\n\n");
                out.push_str(&text);
            }
        }
    }
    let mut body_blocks = 0usize;
    for (k, (text, class)) in kept.iter().enumerate() {
        let keep = match class {
            Class::Good => true,
            Class::Short => !any_good || (k > first_good && k < last_good),
            Class::Drop => false,
        };
        if keep {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
            body_blocks += 1;
        }
    }
    if body_blocks == 0 {
        out.clear();
        // Never return nothing for a page with text: every visible block
        // that is not a link list.
        for (bi, b) in p.blocks.iter().enumerate() {
            let s = stats[bi];
            if s.chars == 0 || s.link * 2 > s.chars || excl[b.owner as usize] {
                continue;
            }
            let t = block_text(bi);
            if !t.is_empty() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&t);
            }
        }
    }
    if out.is_empty() {
        // Everything was named furniture: the visible text, names ignored.
        for b in &p.blocks {
            let t = block_plain_text(p, b, &hard);
            if !t.is_empty() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&t);
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn classify(text: &str, s: Stat, b: &Block, o: usize, nodes: &[Node], is_root: &[bool], has_img: &[bool], total: &[u32], lists: &Lists) -> Class {
    // `text` is collapsed: words are separated by single spaces.
    let words = text.bytes().filter(|&c| c == b' ').count() + 1;
    let ld = s.link as f32 / s.chars.max(1) as f32;
    let terminal = ends_sentence(text);
    // Prose with many links (every name linked) ends like a sentence and
    // links several things; menus, tag lists and "read more" links do not.
    let linked_prose = terminal && words >= 6 && s.link_runs >= 2 && nodes[o].props & (PARA | HEADING) == PARA;
    if ld > 0.5 && !linked_prose {
        return Class::Drop;
    }
    if words < 30 {
        // Phrases are at most six words long: fold only the block's start.
        let head = text.split(' ').take(6).fold(0, |n, w| n + w.len() + 1);
        let f = fold(&text[..head.saturating_sub(1).min(text.len())]);
        if lists.prefixes.iter().any(|p| f.starts_with(p.as_str())) {
            return Class::Drop;
        }
        if words <= 6 {
            let trimmed = f.trim_end_matches(|c: char| !c.is_alphanumeric());
            if lists.labels.contains(trimmed) {
                return Class::Drop;
            }
        }
    }
    if b.has_time && words < 15 && !terminal {
        return Class::Drop;
    }
    // Photo captions: short text next to an image in a small container.
    if words < 25 && !is_root[o] {
        let pa = nodes[o].parent as usize;
        // An image inside the paragraph itself may be an emoji or an icon:
        // such a paragraph is a caption only if it does not end a sentence.
        let own_img = has_img[o] && (!terminal || nodes[o].props & PARA == 0);
        let near_img = own_img || (nodes[o].props & PARA != 0 && has_img[pa] && !is_root[pa] && total[pa] < 300);
        if near_img {
            return Class::Drop;
        }
    }
    // Datelines and bylines: short, unpunctuated, with digits or separators.
    if words < 10 && !terminal && nodes[o].props & CELL == 0 && text.chars().any(|c| c.is_numeric() || c == '|') {
        return Class::Drop;
    }
    if (ld < 0.3 || linked_prose) && (words >= 10 || (terminal && words >= 3)) && nodes[o].props & HEADING == 0 {
        Class::Good
    } else {
        Class::Short
    }
}

/// The visible text of a block: entities decoded, whitespace collapsed.
fn block_plain_text(p: &Parser, b: &Block, excl: &[bool]) -> String {
    let mut raw = String::new();
    for pc in &p.pieces[b.p0 as usize..b.p1 as usize] {
        if !excl[pc.node as usize] {
            raw.push_str(&p.html[pc.start as usize..pc.end as usize]);
        }
    }
    collapse(&decode_entities(&raw))
}

/// Whether a text ends like a sentence (closing quotes and brackets aside).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '›'));
    t.ends_with(['.', '!', '?', '؟', '…', '。'])
}

/// The headline: the `<h1>` (or else an `<h2>`) that best matches the page
/// title, with the blocks it spans.
fn find_headline(p: &Parser, excl: &[bool], stats: &[Stat]) -> Option<(String, Vec<usize>)> {
    let title_words: HashSet<String> = [p.og_title.as_deref(), p.page_title.as_deref()]
        .iter()
        .flatten()
        .flat_map(|t| fold(t).split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    // The title that names the article alone (og:title has no site name).
    let primary_len = p.og_title.as_deref().or(p.page_title.as_deref()).map_or(0, |t| fold(t).split_whitespace().count()).max(1) as f32;
    let mut best: Option<(f32, String, Vec<usize>)> = None;
    // Every heading competes: an <h1> is preferred, but a blog's <h1> with
    // its name loses to the <h3> post title that covers the page title.
    {
        // The blocks of each heading, in one pass (a heading's text is owned
        // by the heading or, rarely, by a block element a few levels inside).
        let mut by_heading: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
        for (bi, b) in p.blocks.iter().enumerate() {
            if stats[bi].chars == 0 {
                continue;
            }
            let mut at = b.owner as usize;
            for _ in 0..4 {
                if p.nodes[at].props & HEADING != 0 {
                    if !excl[at] {
                        by_heading.entry(at).or_default().push(bi);
                    }
                    break;
                }
                if at == 0 {
                    break;
                }
                at = p.nodes[at].parent as usize;
            }
        }
        for (i, bis) in by_heading.into_iter().take(64) {
            let nd = &p.nodes[i];
            let (chars, link) = bis.iter().fold((0, 0), |a, &bi| (a.0 + stats[bi].chars, a.1 + stats[bi].link));
            if chars == 0 {
                continue;
            }
            let mut text = String::new();
            for &bi in &bis {
                let b = &p.blocks[bi];
                for pc in &p.pieces[b.p0 as usize..b.p1 as usize] {
                    if !excl[pc.node as usize] {
                        text.push_str(&p.html[pc.start as usize..pc.end as usize]);
                    }
                }
                text.push(' ');
            }
            let text = collapse(&decode_entities(&text));
            let folded = fold(&text);
            let words: Vec<&str> = folded.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            let matched = words.iter().filter(|w| title_words.contains(**w)).count() as f32;
            let overlap = matched / words.len() as f32;
            let coverage = (matched / primary_len).min(1.0);
            let linked = link * 2 > chars;
            let score = if nd.props & H1 != 0 {
                if linked && overlap < 0.5 {
                    continue;
                }
                overlap + coverage + 0.3
            } else {
                if overlap < 0.6 || words.len() < 3 {
                    continue;
                }
                overlap + coverage
            };
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, text, bis));
            }
        }
    }
    if best.is_none() && !title_words.is_empty() {
        // No heading element: a short block that repeats the page title
        // (CMSs that print the headline in a styled span or div).
        for (bi, b) in p.blocks.iter().enumerate().take(4000) {
            let s = stats[bi];
            if s.chars == 0 || s.link * 2 > s.chars || excl[b.owner as usize] || s.chars > 300 {
                continue;
            }
            let text = block_plain_text(p, b, excl);
            let folded = fold(&text);
            let words: Vec<&str> = folded.split_whitespace().collect();
            if words.len() < 3 || words.len() > 30 {
                continue;
            }
            let inside = words.iter().filter(|w| title_words.contains(**w)).count();
            if inside as f32 >= 0.8 * words.len() as f32 && inside as f32 >= 0.5 * title_words.len() as f32 {
                best = Some((0.0, text, vec![bi]));
                break;
            }
        }
    }
    best.map(|(_, t, b)| (t, b))
}

/// Decode HTML character references (named ones common in news pages, and numeric ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{00A0}'),
                    "laquo" => Some('«'),
                    "raquo" => Some('»'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    "copy" => Some('©'),
                    "reg" => Some('®'),
                    "deg" => Some('°'),
                    "middot" => Some('·'),
                    "bull" => Some('•'),
                    "zwnj" => Some('\u{200C}'),
                    "zwj" => Some('\u{200D}'),
                    "rlm" => Some('\u{200F}'),
                    "lrm" => Some('\u{200E}'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) if c != '\0' => {
                out.push(c);
                rest = &rest[len..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
