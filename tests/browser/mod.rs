//! The harness of the browser tests (end-to-end tests and `make bench` measurements): serves
//! the built `dist/` on a loopback port, starts chromedriver, connects a WebDriver client, and
//! finds, types and waits the way a person's actions are observed.
#![allow(dead_code)]

pub mod recorder;

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A child process killed when the test ends, pass or fail.
pub struct Guard(Child);
impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A free port on the loopback address.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// The built page, which must exist.
pub fn dist() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        d.join("index.html").exists(),
        "dist/ is not built: run `make build` (make test does it)"
    );
    d
}

async fn wait_port(port: u16) {
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("nothing listens on port {port}");
}

/// Serves `dist/` and starts chromedriver; returns the page URL, a connected client, the
/// chromedriver port (for DevTools commands) and the two processes. The browser's language is
/// the one `webdriver.json` sets (English).
pub async fn start() -> (String, Client, u16, Guard, Guard) {
    serve(dist(), None).await
}

/// [`start`] with a browser whose preferred language is `lang` (`zh-CN`, `en-US`): its
/// `--lang` and the `Accept-Language` it sends, which `navigator.languages` reports.
pub async fn start_in(lang: Option<&str>) -> (String, Client, u16, Guard, Guard) {
    serve(dist(), lang).await
}

/// [`start`], serving the folder `root` instead of `dist/`, in the browser's language `lang`.
pub async fn serve(root: PathBuf, lang: Option<&str>) -> (String, Client, u16, Guard, Guard) {
    let port = free_port();
    let args = [
        "-m",
        "http.server",
        &port.to_string(),
        "--bind",
        "127.0.0.1",
    ]
    .map(String::from);
    serve_with(root, lang, port, &args).await
}

/// [`start`], with `dist/` sent gzip-compressed as a static host sends it (the server is
/// `tests/browser/serve_gzip.py`).
pub async fn start_compressed() -> (String, Client, u16, Guard, Guard) {
    let port = free_port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/serve_gzip.py");
    serve_with(dist(), None, port, &[script.to_string(), port.to_string()]).await
}

async fn serve_with(
    root: PathBuf,
    lang: Option<&str>,
    web_port: u16,
    args: &[String],
) -> (String, Client, u16, Guard, Guard) {
    let server = Guard(
        Command::new("python3")
            .args(args)
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves dist/"),
    );
    let wd_port = free_port();
    let driver = chromedriver(wd_port).await;
    wait_port(web_port).await;
    let mut caps = webdriver_caps();
    if let Some(lang) = lang {
        let chrome = &mut caps["goog:chromeOptions"];
        if let Some(args) = chrome["args"].as_array_mut() {
            args.retain(|a| !a.as_str().is_some_and(|a| a.starts_with("--lang=")));
            args.push(serde_json::json!(format!("--lang={lang}")));
        }
        chrome["prefs"]["intl.accept_languages"] = serde_json::json!(lang);
    }
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{wd_port}"))
        .await
        .expect("connects to chromedriver");
    (
        format!("http://127.0.0.1:{web_port}/"),
        client,
        wd_port,
        server,
        driver,
    )
}

/// Starts chromedriver on `port` and waits until it listens.
pub async fn chromedriver(port: u16) -> Guard {
    let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let driver = Guard(
        Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (make test installs it)"),
    );
    wait_port(port).await;
    driver
}

/// The browser's settings (webdriver.json: headless Chromium without background traffic).
pub fn webdriver_caps() -> serde_json::Map<String, serde_json::Value> {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/webdriver.json"))
            .expect("webdriver.json"),
    )
    .expect("webdriver.json is JSON")
}

/// The element `css`, waiting for it to appear.
pub async fn el(c: &Client, css: &str) -> Element {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} appears: {e}"))
}

/// Clears the field `css` and types `text` into it, key by key.
pub async fn type_into(c: &Client, css: &str, text: &str) {
    let e = el(c, css).await;
    e.clear().await.expect("clear");
    e.send_keys(text).await.expect("type");
}

/// The value of the field `css`.
pub async fn value_of(c: &Client, css: &str) -> String {
    el(c, css)
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

/// Polls until the field `css` holds `want` (the page may set it on a later render, or
/// another tab's write may bring it).
pub async fn wait_value(c: &Client, css: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..150 {
        last = value_of(c, css).await;
        if last == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never held {want:?}; last: {last:?}");
}

/// Clicks `css`, waiting for it to appear.
pub async fn click(c: &Client, css: &str) {
    el(c, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// The incident ids of the ledger table's rows, top to bottom.
pub async fn row_ids(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#ledger tbody tr.ledger-row')].map(r => r.dataset.id);",
            vec![],
        )
        .await
        .expect("script");
    serde_json::from_value(v).expect("ids")
}

/// Waits until the ledger table shows `n` rows; their ids.
pub async fn wait_rows(c: &Client, n: usize) -> Vec<String> {
    let mut last = Vec::new();
    for _ in 0..150 {
        last = row_ids(c).await;
        if last.len() == n {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the table never showed {n} rows; last: {last:?}");
}

/// The visible text of `css`.
pub async fn text_of(c: &Client, css: &str) -> String {
    el(c, css).await.text().await.expect("text")
}

/// Polls until the element's text satisfies `pred` (the page recomputes on every keystroke).
pub async fn wait_text(c: &Client, css: &str, pred: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..150 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(t) = e.text().await {
                if pred(&t) {
                    return t;
                }
                last = t;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never matched; last text: {last:?}");
}

/// The `slacalc` CLI (crate `slacalc-cli`), built once per test run into the target directory
/// of this test binary, so the page and the CLI are checked against each other.
pub fn slacalc_cli() -> Command {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let path = BUILT.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "slacalc-cli", "--bin", "slacalc"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build -p slacalc-cli failed");
        // This test binary is target/<profile>/deps/<name>; the CLI is target/<profile>/slacalc.
        let exe = std::env::current_exe().expect("test binary path");
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("target/<profile>");
        profile_dir.join(format!("slacalc{}", std::env::consts::EXE_SUFFIX))
    });
    Command::new(path)
}

/// The worked example's share link, made by the CLI (as of 2026-01-01, so the result is fixed).
pub fn cli_link(base: &str) -> String {
    let out = slacalc_cli()
        .args(["link", "examples/worked-example.json", "--base", base])
        .args(["--as-of", "2026-01-01T00:00:00+08:00"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("CLI runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

/// Runs a Chrome DevTools command through chromedriver (`goog/cdp/execute`), by hand: the
/// WebDriver client has no call for it. Returns the command's result.
pub fn cdp(wd_port: u16, session: &str, cmd: &str, params: serde_json::Value) -> serde_json::Value {
    let body = serde_json::json!({ "cmd": cmd, "params": params }).to_string();
    let mut s = TcpStream::connect(("127.0.0.1", wd_port)).expect("chromedriver");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(
        s,
        "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1:{wd_port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("request");
    // Read the head, then exactly Content-Length bytes (chromedriver keeps the connection).
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        s.read_exact(&mut byte).expect("answer head");
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_string();
    let len: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).expect("answer body");
    assert!(
        head.contains(" 200 OK"),
        "{cmd}: {head}{}",
        String::from_utf8_lossy(&body)
    );
    let answer: serde_json::Value = serde_json::from_slice(&body).expect("a JSON answer");
    answer["value"].clone()
}

/// Emulates the media `params` name (`{"media": "print"}`, a `prefers-color-scheme`, or
/// `{"media": ""}` for the screen again) in the client's page.
pub async fn emulate_media(c: &Client, wd_port: u16, params: serde_json::Value) {
    let session = c.session_id().await.expect("session").expect("an id");
    cdp(wd_port, &session, "Emulation.setEmulatedMedia", params);
}

/// 10,000 incidents: the good rows of examples/incidents.csv over and over, each its own id
/// (as the native import bench, crates/slacalc-workbook/benches/import.rs); under the worked
/// example's contract they reach the 5 % cap (L4.3).
pub fn ten_thousand_incidents() -> Vec<slacalc::case::Incident> {
    let example = std::fs::read_to_string(EXAMPLE_LEDGER).expect("example ledger");
    let terms = slacalc::terms::TermsSpec::Preset("eyou-sdju".into());
    let read = slacalc::table::read_table(&example, &terms, &Default::default());
    let base: Vec<_> = read.incidents.into_iter().map(|(_, i)| i).collect();
    (0..10_000)
        .map(|n| {
            let mut inc = base[n % base.len()].clone();
            inc.id = format!("{}-{n}", inc.id);
            inc
        })
        .collect()
}

/// A CSV ledger of 1,000 urgent incidents of the vendor's, each down 12 hours on a day of March
/// 2025 (the import's progress, the ledger's sheet too long for a QR code, `make bench`).
pub fn thousand_incidents_csv() -> String {
    let mut csv = String::from("id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\n");
    for i in 0..1000 {
        let day = 1 + i % 28;
        csv.push_str(&format!(
            "i{i},2025-03-{day:02} 08:10,urgent,100,no,yes,fault,vendor,2025-03-{day:02} 08:00,2025-03-{day:02} 20:00\n"
        ));
    }
    csv
}

/// The example CSV ledger (`examples/incidents.csv`): six incidents and a bad row.
pub const EXAMPLE_LEDGER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/incidents.csv");

/// Chooses the file `path` in the ledger's "Import CSV/Excel…" input, as a person would;
/// the import's report then waits for "Import" (issue #16).
pub async fn choose_ledger_file(c: &Client, path: &str) {
    el(c, "#ledger-import")
        .await
        .send_keys(path)
        .await
        .expect("file chosen");
}

/// Chooses the file `path` for the ledger and confirms its import, as a person would.
pub async fn import_ledger(c: &Client, path: &str) {
    choose_ledger_file(c, path).await;
    el(c, "#ledger-confirm-replace:not([disabled])")
        .await
        .click()
        .await
        .expect("import confirmed");
}
