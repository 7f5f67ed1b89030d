//! A hostile village: script tags, event handlers, quotes that try to close attributes,
//! `javascript:`/`data:`/`vbscript:` addresses and `</script>` in every text field of every
//! kind of file. The site must build, and no output file may hold anything a browser would
//! run: every page is tokenized as a browser does (html5ever), every feed, sitemap and
//! chart parsed as XML, every JSON-LD block parsed as JSON.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::path::Path;

/// Text that tries everything at once, in one line.
const H: &str = r#"<script>alert(1)</script><img src=x onerror=alert(2)>"' onmouseover='alert(3)' x="</script><svg onload=alert(4)><a href="javascript:alert(5)">j</a><style>*{}</style>"#;

/// Markdown bodies and descriptions: raw HTML, every link form, every bad scheme.
const MD: &str = r#"Awal yang aman.

<script>alert(10)</script>

<img src="foto/a.jpg" onerror="alert(11)"> <svg><script>alert(12)</script></svg>

[a](javascript:alert(13)) [b](JaVaScRiPt:alert(14)) [c](data:text/html;base64,PHNjcmlwdD4=)
[d](vbscript:msgbox(15)) [e](<javascript:alert(16)>) [f]( javascript:alert(17)) [g](java&#x09;script:alert(18))
<javascript:alert(19)> ![alt" onerror="alert(20)](foto/a.jpg) [h][ref] [j](https://aman.example/ "judul\" onclick=\"alert(21)")

[ref]: javascript:alert(22)

<a href="&#106;avascript:alert(23)">k</a> <a href="java
script:alert(24)">l</a> <form action="https://jahat.example/"><input name="pin"><button>OK</button></form>

<iframe src="https://jahat.example/"></iframe><object data="x"></object><embed src="x"><base href="https://jahat.example/">
<meta http-equiv="refresh" content="0;url=https://jahat.example/"><link rel="stylesheet" href="https://jahat.example/x.css">
<p style="position:fixed" onclick="alert(25)">teks aman</p> <math><mi xlink:href="javascript:alert(26)">x</mi></math>

</script><script>alert(27)</script> <!-- <script>alert(28)</script> -->
"#;

/// A value as a YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A block scalar holding `text`, indented under a key.
fn block(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
    format!("|\n{}\n", lines.join("\n"))
}

fn hostile_site(base_url: Option<&str>) -> tempfile::TempDir {
    let h = q(H);
    let mut desa = format!(
        "nama: {h}\nkecamatan: {h}\nkabupaten: {h}\nprovinsi: {h}\nkode_wilayah: {h}\nkepala_desa: {h}\nalamat: {h}\nalamat_pengaduan: {h}\ndeskripsi: {h}\nkategori_produk:\n  - {{ kode: olahan-desa, nama: {h} }}\n"
    );
    if let Some(url) = base_url {
        desa.push_str(&format!("base_url: {}\n", q(url)));
    }
    let budget = format!(
        "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\ndasar_hukum: {h}\nketerangan: {h}\npendapatan:\n  - {{ kode: \"4.1.1\", uraian: {h}, anggaran: 20000000, realisasi: 20000000 }}\n  - {{ kode: \"4.2.1\", uraian: {h}, anggaran: 30000000, realisasi: 30000000 }}\nbelanja:\n  - {{ kode: \"01.01.01\", uraian: {h}, jenis: \"5.1.1\", sumber_dana: ADD, lokasi: {h}, anggaran: 9000000, realisasi: 9000000 }}\n  - kode: \"02.03.10\"\n    uraian: {h}\n    jenis: \"5.3.5\"\n    sumber_dana: DDS\n    lokasi: {h}\n    keterangan: {h}\n    anggaran: 15000000\n    realisasi: 5000000\npembiayaan:\n  pengeluaran:\n    - {{ kode: \"6.2.2\", uraian: {h}, anggaran: 1000000, realisasi: 1000000 }}\n"
    );
    let report = format!(
        "---\njudul: {h}\ntanggal: 2025-03-01\nkegiatan: \"02.03.10\"\ntahun_anggaran: 2025\nstatus: berjalan\nprogres: 30\nlokasi: {h}\npenerima_manfaat: 12\nfoto:\n  - berkas: foto/a.jpg\n    keterangan: {h}\n---\n{MD}"
    );
    let product = format!(
        "nama: {}\numkm: jahat\nkategori: olahan-desa\nharga: 15000\nsatuan: {h}\nfoto:\n  - {{ berkas: foto/a.jpg, keterangan: {h} }}\nizin: {{ pirt: {h}, halal: {h}, nib: {h} }}\ntautan:\n  shopee: {u}\n  tokopedia: {u}\n  tiktok: {u}\n  instagram: {u}\n  facebook: {u}\ndeskripsi: {}",
        q(&format!("Keripik </script><script>alert(30)</script> {H}")),
        block(MD),
        u = q("https://toko.example/\"><script>alert(31)</script>'onmouseover='x"),
    );
    let producer = format!(
        "nama: {h}\njenis: kub\ndusun: {h}\nwhatsapp: \"0812-0000-0001\"\nalamat: {h}\nfoto: {{ berkas: foto/a.jpg, keterangan: {h} }}\ndeskripsi: {}",
        block(MD)
    );
    let page = format!("---\njudul: {h}\nringkasan: {h}\nurutan: 1\n---\n{MD}");
    let dir = site(&[
        ("content/desa.yaml", &desa),
        ("content/anggaran/2025.yaml", &budget),
        ("content/laporan/serangan.md", &report),
        ("content/produk/keripik.yaml", &product),
        ("content/umkm/jahat.yaml", &producer),
        ("content/halaman/serangan.md", &page),
    ]);
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::copy(
        repo().join("content/foto/balai-desa.jpg"),
        dir.path().join("content/foto/a.jpg"),
    )
    .unwrap();
    dir
}

/// Whether a URL taken from an attribute or a feed would run or load something foreign
/// to the page: any scheme but http(s), mailto and tel. Browsers drop tabs and newlines
/// inside a URL and ignore spaces around it, so this does too.
fn bad_url(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    // A scheme is a letter then letters, digits, `+`, `-` or `.`, before the first `:`;
    // anything else (`java%09script:`, `../a:b`) is a relative address.
    let Some((scheme, _)) = v.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    is_scheme && !["http", "https", "mailto", "tel"].contains(&scheme)
}

const URL_ATTRIBUTES: [&str; 12] = [
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "longdesc",
    "ping",
    "xlink:href",
];
const FORBIDDEN_ELEMENTS: [&str; 22] = [
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "base",
    "svg",
    "math",
    "style",
    "template",
    "noscript",
    "portal",
    "xmp",
    "plaintext",
    "video",
    "audio",
];

/// A start tag: its name and its attributes (name, value), entities decoded.
type StartTag = (String, Vec<(String, String)>);

/// Start tags, attributes and script text of one page, as a browser tokenizes them.
#[derive(Default)]
struct Page {
    tags: RefCell<Vec<StartTag>>,
    /// The text of the script element open now.
    script: RefCell<Option<String>>,
    /// The text of every `application/ld+json` block.
    data_blocks: RefCell<Vec<String>>,
    data_open: RefCell<bool>,
}

impl TokenSink for Page {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                if tag.kind == TagKind::EndTag {
                    if name == "script"
                        && let Some(text) = self.script.borrow_mut().take()
                        && std::mem::take(&mut *self.data_open.borrow_mut())
                    {
                        self.data_blocks.borrow_mut().push(text);
                    }
                    return TokenSinkResult::Continue;
                }
                let attrs = tag
                    .attrs
                    .iter()
                    .map(|a| {
                        let prefix = a.name.prefix.as_ref().map(|p| format!("{p}:"));
                        (
                            format!("{}{}", prefix.unwrap_or_default(), a.name.local),
                            a.value.to_string(),
                        )
                    })
                    .collect();
                self.tags.borrow_mut().push((name.clone(), attrs));
                match name.as_str() {
                    "script" => {
                        *self.script.borrow_mut() = Some(String::new());
                        *self.data_open.borrow_mut() = tag.attrs.iter().any(|a| {
                            &*a.name.local == "type" && &*a.value == "application/ld+json"
                        });
                        TokenSinkResult::RawData(RawKind::ScriptData)
                    }
                    "style" | "iframe" | "xmp" | "noembed" | "noframes" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                    _ => TokenSinkResult::Continue,
                }
            }
            Token::CharacterTokens(text) => {
                if let Some(s) = self.script.borrow_mut().as_mut() {
                    s.push_str(&text);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

fn tokenize(html: &str) -> Page {
    let tokenizer = Tokenizer::new(Page::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink
}

/// Every problem in one HTML text.
fn html_problems(html: &str) -> Vec<String> {
    let page = tokenize(html);
    let mut out = Vec::new();
    for (name, attrs) in page.tags.borrow().iter() {
        if FORBIDDEN_ELEMENTS.contains(&name.as_str()) {
            out.push(format!("<{name}>"));
        }
        let attr = |n: &str| attrs.iter().find(|(a, _)| a == n).map(|(_, v)| v.as_str());
        match name.as_str() {
            "script" => {
                let external = attr("src").is_some_and(|s| s.ends_with("assets/katalog.js"));
                let data = attr("type") == Some("application/ld+json") && attr("src").is_none();
                if !(external || data) {
                    out.push(format!("<script {attrs:?}>"));
                }
            }
            "meta" => {
                if attr("http-equiv")
                    .is_some_and(|v| !v.eq_ignore_ascii_case("content-security-policy"))
                {
                    out.push(format!("<meta {attrs:?}>"));
                }
                let property = attr("property").or(attr("name")).unwrap_or("");
                if ["og:url", "og:image", "twitter:image"].contains(&property)
                    && attr("content").is_some_and(bad_url)
                {
                    out.push(format!("<meta {attrs:?}>"));
                }
            }
            "link" => {
                let rel = attr("rel").unwrap_or("");
                if !["stylesheet", "canonical", "alternate", "icon"].contains(&rel) {
                    out.push(format!("<link {attrs:?}>"));
                }
            }
            _ => {}
        }
        for (a, v) in attrs {
            if a.starts_with("on") || a == "style" {
                out.push(format!("<{name} {a}={v:?}>"));
            }
            let urls: Vec<&str> = match a.as_str() {
                "srcset" => v
                    .split(',')
                    .map(|c| c.trim().split(' ').next().unwrap_or(""))
                    .collect(),
                _ if URL_ATTRIBUTES.contains(&a.as_str()) => vec![v.as_str()],
                _ => vec![],
            };
            for url in urls.into_iter().filter(|u| bad_url(u)) {
                out.push(format!("<{name} {a}={url:?}>"));
            }
        }
    }
    for script in page.data_blocks.borrow().iter() {
        if script.contains('<') {
            out.push(format!("`<` in a script block: {script}"));
        }
        match serde_json::from_str::<serde_json::Value>(script) {
            Ok(v) => out.extend(json_urls(&v).into_iter().filter(|u| bad_url(u))),
            Err(e) => out.push(format!("script block is not JSON ({e}): {script}")),
        }
    }
    out
}

/// Every string under an address-like key of a JSON-LD value.
fn json_urls(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    serde_json::Value::String(s)
                        if ["url", "image", "@id", "sameAs"].contains(&k.as_str()) =>
                    {
                        out.push(s.clone())
                    }
                    serde_json::Value::Array(items) if k == "image" => {
                        out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)));
                    }
                    _ => out.extend(json_urls(v)),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| out.extend(json_urls(i))),
        _ => {}
    }
    out
}

/// Every problem in one XML text (feed, sitemap, chart).
fn xml_problems(xml: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(xml) {
        Ok(d) => d,
        Err(e) => return vec![format!("not well-formed XML: {e}")],
    };
    let mut out = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if ["script", "foreignObject", "iframe", "handler"].contains(&name) {
            out.push(format!("<{name}>"));
        }
        for a in node.attributes() {
            if a.name().starts_with("on") {
                out.push(format!("<{name} {}>", a.name()));
            }
            if ["href", "src", "uri"].contains(&a.name()) && bad_url(a.value()) {
                out.push(format!("<{name} {}={:?}>", a.name(), a.value()));
            }
        }
        let text = node.text().unwrap_or("");
        // (An Atom `<id>` is a name, `urn:…`, never followed.)
        if ["loc", "uri", "icon", "logo"].contains(&name) && bad_url(text) {
            out.push(format!("<{name}>{text}"));
        }
        // Feed readers render HTML content.
        if ["content", "summary", "title", "subtitle"].contains(&name)
            && node.attribute("type") == Some("html")
        {
            out.extend(
                html_problems(text)
                    .into_iter()
                    .map(|p| format!("in <{name}>: {p}")),
            );
        }
    }
    out
}

fn build_and_check(base_url: Option<&str>) {
    let dir = hostile_site(base_url);
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = snapshot(&dir.path().join("output"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let found = match Path::new(path).extension().and_then(|e| e.to_str()) {
            Some("html") => html_problems(&text),
            Some("xml" | "svg") => xml_problems(&text),
            Some("json") => match serde_json::from_slice::<serde_json::Value>(bytes) {
                Ok(_) => vec![],
                Err(e) => vec![format!("not JSON: {e}")],
            },
            _ => continue,
        };
        checked += 1;
        problems.extend(found.into_iter().map(|p| format!("{path}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Pages of every area were checked: home, budget, reports, products, producer, page,
    // the feed, charts, 404, and (with base_url) the sitemap.
    // 12 pages and the 404, the feed, the trend chart and four charts of 2025 (two bidang,
    // two jenis, two sumber dana, two kinds of pendapatan), the JSON download.
    assert!(
        checked >= 20,
        "only {checked} files checked: {:?}",
        files.keys().collect::<Vec<_>>()
    );
    for page in [
        "index.html",
        "anggaran/2025/index.html",
        "laporan/serangan/index.html",
        "produk/keripik/index.html",
        "umkm/jahat/index.html",
        "halaman/serangan/index.html",
        "laporan/atom.xml",
        "anggaran/2025/belanja-bidang.svg",
        "anggaran/2025/pendapatan-sumber.svg",
    ] {
        assert!(files.contains_key(page), "{page} missing");
    }
    // The text is shown, escaped, not dropped; the harmless parts of bodies survive.
    let report = String::from_utf8_lossy(&files["laporan/serangan/index.html"]).into_owned();
    assert!(
        report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{report}"
    );
    assert!(report.contains("teks aman") && report.contains("Awal yang aman."));
    assert_eq!(files.contains_key("sitemap.xml"), base_url.is_some());
    let product = String::from_utf8_lossy(&files["produk/keripik/index.html"]).into_owned();
    // The product name's `</script>` is in the JSON-LD, escaped, and the block parses.
    let ld = tokenize(&product).data_blocks.take();
    assert_eq!(ld.len(), 1);
    assert!(
        ld[0].contains("Keripik \\u003c/script\\u003e\\u003cscript\\u003ealert(30)"),
        "{}",
        ld[0]
    );
    assert!(
        product.contains("https://toko.example/%22%3E%3Cscript%3Ealert(31)%3C/script%3E"),
        "{product}"
    );
}

#[test]
fn nothing_executable_reaches_any_output_file() {
    build_and_check(None);
}

#[test]
fn nor_with_a_base_url_full_of_markup() {
    build_and_check(Some("https://desa.example/\"><script>alert(40)</script>/"));
}

#[test]
fn the_checker_itself_finds_what_it_must() {
    for (html, what) in [
        ("<script>alert(1)</script>", "<script"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "<a href"),
        ("<a href=\" VBScript:x\">x</a>", "<a href"),
        ("<a href=\"&#106;avascript:x\">x</a>", "<a href"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<p style=\"color:red\">x</p>", "style"),
        (
            "<script type=\"application/ld+json\">{\"url\":\"javascript:x\"}</script>",
            "javascript:x",
        ),
        (
            "<script type=\"application/ld+json\">{}</script><script>x</script>",
            "<script",
        ),
        ("<meta http-equiv=\"refresh\" content=\"0\">", "<meta"),
        ("<iframe src=\"https://x/\"></iframe>", "<iframe>"),
    ] {
        let found = html_problems(html);
        assert!(found.iter().any(|p| p.contains(what)), "{html}: {found:?}");
    }
    assert!(
        !xml_problems("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>")
            .is_empty()
    );
    assert!(html_problems("<a href=\"https://x/?a=javascript:1\">x</a><a href=\"../a/index.html\">y</a><a href=\"java%09script:x\">z</a>").is_empty());
}
