//! Latency and throughput of the Analyze RPC end to end: a real server on 127.0.0.1:0 and the
//! generated tonic client, over the PolNeAR dev texts (`PARALLAX_BENCH_TEXTS` to override).
//!
//! Prints p50/p90/p99 per call and MB/s for one caller at a time and for several concurrent
//! callers. Run with `cargo bench --bench grpc_latency`; `PARALLAX_BENCH_ROUNDS` sets how many
//! passes over the texts each caller makes (default 3).

mod common;

/// The server's allocator, so the figures are the service's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use parallax::grpc::pb::{self, analysis_service_client::AnalysisServiceClient};
use parallax::grpc::{Server, ServerConfig};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

async fn run(channel: tonic::transport::Channel, texts: &[String], callers: usize, rounds: usize) {
    let start = Instant::now();
    let tasks: Vec<_> = (0..callers)
        .map(|_| {
            let mut client = AnalysisServiceClient::new(channel.clone());
            let texts = texts.to_vec();
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(texts.len() * rounds);
                for _ in 0..rounds {
                    for text in &texts {
                        let request = pb::AnalyzeRequest {
                            document: Some(pb::Document {
                                text: text.clone(),
                                ..Default::default()
                            }),
                            ..Default::default()
                        };
                        let t = Instant::now();
                        let response = client
                            .analyze(request)
                            .await
                            .expect("bench texts are valid");
                        latencies.push(t.elapsed());
                        assert!(
                            response
                                .into_inner()
                                .analysis
                                .is_some_and(|a| !a.sentences.is_empty())
                        );
                    }
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("caller task completes"));
    }
    let elapsed = start.elapsed();
    latencies.sort();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds * callers;
    println!(
        "callers={callers:<2} calls={:<5} p50={:>8.2?} p90={:>8.2?} p99={:>8.2?} max={:>8.2?} throughput={:.2} MB/s",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.90),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default(),
        bytes as f64 / elapsed.as_secs_f64() / 1e6,
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once as a smoke test.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let texts = common::load_texts();
    let rounds = if smoke {
        1
    } else {
        std::env::var("PARALLAX_BENCH_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(3)
    };
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime starts");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("loopback bind");
        let addr = listener.local_addr().expect("bound address");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(Server::new(ServerConfig::default()).serve(listener, async {
            let _ = rx.await;
        }));
        let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
            .expect("valid URI")
            .connect()
            .await
            .expect("server accepts connections");
        let bytes: usize = texts.iter().map(String::len).sum();
        println!(
            "{} articles, {:.2} MB per pass, {} cores",
            texts.len(),
            bytes as f64 / 1e6,
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
        for callers in if smoke { vec![1] } else { vec![1, 2, 4] } {
            run(channel.clone(), &texts, callers, rounds).await;
        }
        let _ = tx.send(());
        server
            .await
            .expect("server task")
            .expect("server stops cleanly");
    });
}
