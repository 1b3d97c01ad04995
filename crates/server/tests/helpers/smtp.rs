//! A real SMTP server for tests: aiosmtpd (`scripts/smtp-sink.py`) on loopback, run by
//! the Python that scripts/test.sh names in PULSE_TEST_PYTHON. Shared by the server's
//! mail tests and the app's browser test.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// aiosmtpd on `port`, writing each message it receives into a folder.
pub struct SmtpSink {
    child: Child,
    folder: tempfile::TempDir,
}

impl SmtpSink {
    pub fn start(port: u16) -> SmtpSink {
        let python = std::env::var("PULSE_TEST_PYTHON").unwrap_or_else(|_| {
            panic!("this test needs aiosmtpd: scripts/test.sh sets PULSE_TEST_PYTHON (a Python with aiosmtpd)")
        });
        let script = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("scripts/smtp-sink.py"))
            .find(|script| script.exists())
            .expect("scripts/smtp-sink.py");
        let folder = tempfile::tempdir().expect("a folder for mail");
        let mut child = Command::new(python)
            .arg(script)
            .arg(port.to_string())
            .arg(folder.path())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the SMTP server starts");
        let mut ready = String::new();
        BufReader::new(child.stdout.take().expect("its output"))
            .read_line(&mut ready)
            .expect("the SMTP server says it is ready");
        assert_eq!(ready.trim(), "ready", "the SMTP server started");
        SmtpSink { child, folder }
    }

    /// The messages received so far.
    pub fn mails(&self) -> Vec<Value> {
        let mut mails: Vec<(std::time::SystemTime, Value)> = std::fs::read_dir(self.folder.path())
            .expect("the mail folder")
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .map(|e| {
                let at = e.metadata().and_then(|m| m.modified()).expect("a time");
                let text = std::fs::read_to_string(e.path()).expect("a message");
                (at, serde_json::from_str(&text).expect("JSON"))
            })
            .collect();
        mails.sort_by_key(|(at, _)| *at);
        mails.into_iter().map(|(_, m)| m).collect()
    }

    /// Waits until `n` messages have arrived (at most 20 s) and returns them.
    pub async fn wait_for(&self, n: usize) -> Vec<Value> {
        for _ in 0..200 {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{n} e-mails did not arrive: {:?}", self.mails());
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("its address")
        .port()
}

/// The link to `url_prefix…` in an e-mail's text part (ends at the first space).
pub fn link_in(mail: &Value, url_prefix: &str) -> String {
    let text = mail["text"].as_str().expect("a text part");
    let start = text
        .find(url_prefix)
        .unwrap_or_else(|| panic!("a link to {url_prefix} in {text}"));
    text[start..]
        .split_whitespace()
        .next()
        .expect("a link")
        .to_owned()
}
