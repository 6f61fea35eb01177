//! A web server that is also the browser's only way out: it serves `dist/` and records every
//! request. Chromium is started with it as its proxy for every address, loopback included, so a
//! request for anything but the page's own origin reaches it too and is recorded as foreign
//! (and refused) instead of leaving the machine. It can also be switched off the network, to
//! check that the page opens offline.

use super::{dist, free_port, webdriver_caps, Guard};
use fantoccini::{Client, ClientBuilder};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the browser asked for.
#[derive(Default)]
pub struct Log {
    /// Paths of the page's origin that were asked for (served or not).
    pub origin: Mutex<Vec<String>>,
    /// Requests for any other origin (a proxy CONNECT or an absolute address): must stay empty.
    pub foreign: Mutex<Vec<String>>,
    /// Chromium's own calls to Google's services (component updates, sign-in), which it makes
    /// even in a test profile with background networking off: told apart by host and by
    /// carrying no page's Origin or Referer, kept for the record, refused like the rest.
    pub browser: Mutex<Vec<String>>,
    /// When set, the server drops every connection unanswered, as a lost network would.
    pub offline: AtomicBool,
}

impl Log {
    pub fn foreign(&self) -> Vec<String> {
        self.foreign.lock().map(|v| v.clone()).unwrap_or_default()
    }
    pub fn browser(&self) -> Vec<String> {
        self.browser.lock().map(|v| v.clone()).unwrap_or_default()
    }
    pub fn origin(&self) -> Vec<String> {
        self.origin.lock().map(|v| v.clone()).unwrap_or_default()
    }
    pub fn set_offline(&self, off: bool) {
        self.offline.store(off, Ordering::SeqCst);
    }
}

/// The page's address on the recording server.
pub struct Site {
    pub url: String,
    pub log: Arc<Log>,
}

/// Serves `dist/` on a loopback port, recording, and starts chromedriver with Chromium set to
/// send everything through it. Returns the site, a client and the chromedriver port.
pub async fn start_recorded() -> (Site, Client, u16, Guard) {
    let port = free_port();
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("the recording server listens");
    let log = Arc::new(Log::default());
    let origin = format!("127.0.0.1:{port}");
    tokio::spawn(accept(listener, dist(), origin, log.clone()));

    let wd_port = free_port();
    let driver = super::chromedriver(wd_port).await;
    let mut caps = webdriver_caps();
    if let Some(args) = caps
        .get_mut("goog:chromeOptions")
        .and_then(|o| o.get_mut("args"))
        .and_then(|a| a.as_array_mut())
    {
        args.push(format!("--proxy-server=http://127.0.0.1:{port}").into());
        // No exception for loopback: even another local port would be seen.
        args.push("--proxy-bypass-list=<-loopback>".into());
        // Chromium's own services, which would otherwise ask Google for the time, updates,
        // autofill data and sign-in even in a test profile.
        for quiet in [
            "--disable-features=AutofillServerCommunication,NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter,CertificateTransparencyComponentUpdater",
            "--disable-client-side-phishing-detection",
            "--disable-default-apps",
            "--disable-domain-reliability",
            "--no-pings",
            "--no-default-browser-check",
            "--disable-breakpad",
        ] {
            args.push(quiet.into());
        }
    }
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{wd_port}"))
        .await
        .expect("connects to chromedriver");
    (
        Site {
            url: format!("http://127.0.0.1:{port}/"),
            log,
        },
        client,
        wd_port,
        driver,
    )
}

async fn accept(listener: TcpListener, root: PathBuf, origin: String, log: Arc<Log>) {
    while let Ok((conn, _)) = listener.accept().await {
        tokio::spawn(answer(conn, root.clone(), origin.clone(), log.clone()));
    }
}

async fn answer(mut conn: TcpStream, root: PathBuf, origin: String, log: Arc<Log>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match conn.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).to_string();
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or_default().to_string();
    let target = words.next().unwrap_or_default().to_string();
    // A proxy request names its origin; a direct one is for this server.
    let path = if method == "CONNECT" {
        None
    } else if let Some(rest) = target.strip_prefix("http://") {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        (authority == origin).then(|| path.to_string())
    } else if target.starts_with('/') {
        Some(target.clone())
    } else {
        None
    };
    let Some(path) = path else {
        let list = if is_browser_service(&target) && !from_a_page(&head) {
            &log.browser
        } else {
            &log.foreign
        };
        if let Ok(mut v) = list.lock() {
            v.push(format!("{method} {target}"));
        }
        let _ = conn
            .write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        return;
    };
    if let Ok(mut v) = log.origin.lock() {
        v.push(path.clone());
    }
    if log.offline.load(Ordering::SeqCst) {
        return; // the connection drops unanswered
    }
    let file = path.split(['?', '#']).next().unwrap_or("/");
    let file = if file.ends_with('/') {
        format!("{file}index.html")
    } else {
        file.to_string()
    };
    let body = if file.split('/').any(|p| p == "..") {
        None
    } else {
        std::fs::read(root.join(file.trim_start_matches('/'))).ok()
    };
    let reply = match body {
        Some(body) => {
            let mut r = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(Path::new(&file)),
                body.len()
            )
            .into_bytes();
            r.extend_from_slice(&body);
            r
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = conn.write_all(&reply).await;
}

/// Google's hosts Chromium itself talks to.
fn is_browser_service(target: &str) -> bool {
    let rest = target.strip_prefix("http://").unwrap_or(target);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    ["google.com", "googleapis.com", "gstatic.com", "gvt1.com"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

/// Whether the request says a page made it.
fn from_a_page(head: &str) -> bool {
    head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("origin:") || l.starts_with("referer:")
    })
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
