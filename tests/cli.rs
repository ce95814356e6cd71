//! The `parallax` binary's subcommands, run as a user would.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use parallax::grpc::{Server, ServerConfig, json, pb};
use parallax::{Analyzer, Limits};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");
const TEXT: &str = "Envoys Meet in Seoul\n\nSEOUL, Aug. 15 (UPI) -- The envoys met on Monday. “Talks went well,” one said.\n\nFollow Us\n";

fn run_analyze(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(BIN)
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn analyze_prints_the_same_json_as_the_rpc_response() {
    let output = run_analyze(
        &["--published-at", "2022-08-15", "--source", "UPI", "-"],
        TEXT,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();

    let request = pb::AnalyzeRequest {
        document: Some(pb::Document {
            text: TEXT.into(),
            source: "UPI".into(),
            published_at: Some(prost_types::Timestamp {
                seconds: 1_660_521_600,
                nanos: 0,
            }),
            ..Default::default()
        }),
        offset_unit: pb::OffsetUnit::Utf8.into(),
        include_tokens: false,
    };
    let response = parallax::grpc::analyze(&Analyzer::new(Limits::default()), request).unwrap();
    let expected = json::to_json(&response, "parallax.v1.AnalyzeResponse").unwrap();
    assert_eq!(printed.trim_end(), expected);

    let value: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let kinds: Vec<_> = value["analysis"]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        [
            "BLOCK_KIND_HEADLINE",
            "BLOCK_KIND_BODY",
            "BLOCK_KIND_BOILERPLATE"
        ]
    );
}

#[test]
fn analyze_reports_bad_input_and_fails() {
    let output = run_analyze(&["-"], "   \n");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("document.text: is empty"), "{stderr}");

    let output = run_analyze(&["--published-at", "yesterday", "-"], TEXT);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--published-at"), "{stderr}");

    let output = run_analyze(&["/nonexistent/article.txt"], "");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/article.txt"));
}

#[test]
fn healthcheck_tells_serving_from_unreachable() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(Server::new(ServerConfig::default()).serve(listener, async {
        let _ = rx.await;
    }));

    let output = Command::new(BIN)
        .args(["healthcheck", "--addr", &addr.to_string()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SERVING");

    // Inside a container the server listens on 0.0.0.0; the health check dials loopback then.
    let all_interfaces = format!("0.0.0.0:{}", addr.port());
    let output = Command::new(BIN)
        .args(["healthcheck"])
        .env("PARALLAX_ADDR", &all_interfaces)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    tx.send(()).unwrap();
    runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(5), server).await })
        .expect("server stops")
        .unwrap()
        .unwrap();

    let output = Command::new(BIN)
        .args([
            "healthcheck",
            "--addr",
            &addr.to_string(),
            "--timeout-secs",
            "1",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
}

/// `parallax analyze x | head` ends quietly, as Unix tools do, rather than with a panic.
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_the_command_without_a_panic() {
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(BIN)
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // Close the reading end before the command writes.
    drop(child.stdout.take());
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(TEXT.repeat(50).as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.signal(), Some(libc::SIGPIPE), "{stderr}");
}
