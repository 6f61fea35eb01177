//! The harness of the browser tests (end-to-end tests and `make bench` measurements): serves
//! the built `dist/` on a loopback port, starts chromedriver, connects a WebDriver client, and
//! finds, types and waits the way a person's actions are observed.
#![allow(dead_code)]

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
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
/// chromedriver port (for DevTools commands) and the two processes.
pub async fn start() -> (String, Client, u16, Guard, Guard) {
    start_in(dist()).await
}

/// [`start`], serving the folder `root` instead of `dist/`.
pub async fn start_in(root: PathBuf) -> (String, Client, u16, Guard, Guard) {
    let web_port = free_port();
    let server = Guard(
        Command::new("python3")
            .args([
                "-m",
                "http.server",
                &web_port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves dist/"),
    );
    let wd_port = free_port();
    let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let driver = Guard(
        Command::new(driver_bin)
            .arg(format!("--port={wd_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (make test installs it)"),
    );
    wait_port(web_port).await;
    wait_port(wd_port).await;
    let caps: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/webdriver.json"))
            .expect("webdriver.json"),
    )
    .expect("webdriver.json is JSON");
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

/// The worked example's share link, made by the CLI (as of 2026-01-01, so the result is fixed).
pub fn cli_link(base: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
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
