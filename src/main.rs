//! The `parallax` binary: the gRPC server and command-line tools over the same library.

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use parallax::grpc::{Server, ServerConfig, convert, json, pb};
use parallax::{Analyzer, Limits, Timestamp};

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Reads news articles and says what is in them and how outlets differ"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the gRPC server (health and reflection included) until SIGTERM or SIGINT.
    Serve(ServeArgs),
    /// Analyzes one article and prints the AnalyzeResponse as canonical proto3 JSON.
    Analyze(AnalyzeArgs),
    /// Exits 0 when the server at --addr reports SERVING, 1 otherwise (for Docker HEALTHCHECK).
    Healthcheck(HealthcheckArgs),
    /// Scores an extractor on annotated data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Scores temporal expressions on TimeML files (TempEval-3 measures), anchored to each
    /// file's creation time.
    Dates(EvalDatesArgs),
    /// Scores named-entity mentions by exact token span and type (PERSON, ORGANIZATION,
    /// LOCATION) against CoNLL/IOB or GUM CoNLL-U gold files.
    Ner(EvalNerArgs),
}

#[derive(Debug, clap::Args)]
struct EvalNerArgs {
    /// Gold files (CoNLL/IOB columns, or CoNLL-U with GUM entity brackets), read in this order.
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<PathBuf>,
    /// A system's output for the same sentences and tokens, as token-per-line IOB files in the
    /// same order (e.g. from `.ci/baselines/spacy_ner.py`).
    #[arg(long, required = true, num_args = 1..)]
    predicted: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Split {
    /// The held-out fifth of the files (by file-name hash).
    Dev,
    /// The other four fifths, which the rules were written from.
    Train,
    /// Every file.
    All,
}

#[derive(Debug, clap::Args)]
struct EvalDatesArgs {
    /// TimeML files or folders holding them (searched recursively for *.tml).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Which files to score.
    #[arg(long, value_enum, default_value = "all")]
    split: Split,
    /// Fail (exit 1) when strict F1 is below this.
    #[arg(long)]
    min_strict_f1: Option<f64>,
    /// Fail (exit 1) when relaxed F1 is below this.
    #[arg(long)]
    min_relaxed_f1: Option<f64>,
    /// Fail (exit 1) when value F1 is below this.
    #[arg(long)]
    min_value_f1: Option<f64>,
    /// Print each missed and spurious expression.
    #[arg(long)]
    errors: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct LimitArgs {
    /// Largest accepted article text, in bytes.
    #[arg(long, env = "PARALLAX_MAX_ARTICLE_BYTES", default_value_t = Limits::default().max_article_bytes)]
    max_article_bytes: usize,
    /// Most articles the in-memory corpus holds.
    #[arg(long, env = "PARALLAX_MAX_ARTICLES", default_value_t = Limits::default().max_articles)]
    max_articles: usize,
    /// Most items in one AnalyzeStream or ImportArticles call.
    #[arg(long, env = "PARALLAX_MAX_BATCH", default_value_t = Limits::default().max_batch)]
    max_batch: usize,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_article_bytes: self.max_article_bytes,
            max_articles: self.max_articles,
            max_batch: self.max_batch,
        }
    }
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address to listen on (use 0.0.0.0:50051 inside a container).
    #[arg(long, env = "PARALLAX_ADDR", default_value = "127.0.0.1:50051")]
    addr: SocketAddr,
    /// Log format.
    #[arg(long, env = "PARALLAX_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Seconds in-flight calls may run after SIGTERM/SIGINT before the server exits anyway.
    #[arg(long, env = "PARALLAX_SHUTDOWN_GRACE_SECS", default_value_t = 10)]
    shutdown_grace_secs: u64,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Unit {
    Utf8,
    Utf16,
    Codepoint,
}

#[derive(Debug, clap::Args)]
struct AnalyzeArgs {
    /// The article text file, or - for standard input.
    file: PathBuf,
    /// Publication time: RFC 3339 (2022-08-15T15:00:00+09:00) or YYYY-MM-DD.
    #[arg(long)]
    published_at: Option<String>,
    /// The outlet that published the article.
    #[arg(long)]
    source: Option<String>,
    /// The headline.
    #[arg(long)]
    title: Option<String>,
    /// Unit of the spans in the output.
    #[arg(long, value_enum, default_value = "utf8")]
    offset_unit: Unit,
    /// Include tokens.
    #[arg(long)]
    tokens: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
struct HealthcheckArgs {
    /// Address of the server.
    #[arg(long, env = "PARALLAX_ADDR", default_value = "127.0.0.1:50051")]
    addr: SocketAddr,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 3)]
    timeout_secs: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve(args),
        Command::Analyze(args) => analyze(args),
        Command::Healthcheck(args) => healthcheck(args),
        Command::Eval(EvalCommand::Dates(args)) => eval_dates(args),
        Command::Eval(EvalCommand::Ner(args)) => eval_ner(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    let config = ServerConfig {
        limits: args.limits.limits(),
        shutdown_grace: Duration::from_secs(args.shutdown_grace_secs),
    };
    tracing::info!(
        ?config,
        version = env!("CARGO_PKG_VERSION"),
        "starting parallax"
    );
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        Server::new(config)
            .serve(listener, shutdown_signal())
            .await?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Resolves on the first SIGINT or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}

fn read_input(path: &PathBuf) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading standard input")?;
        return Ok(text);
    }
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let text = read_input(&args.file)?;
    let published_at = args
        .published_at
        .as_deref()
        .map(|p| Timestamp::parse(p, "--published-at"))
        .transpose()?
        .map(convert::timestamp_to_pb);
    let unit = match args.offset_unit {
        Unit::Utf8 => pb::OffsetUnit::Utf8,
        Unit::Utf16 => pb::OffsetUnit::Utf16,
        Unit::Codepoint => pb::OffsetUnit::Codepoint,
    };
    let request = pb::AnalyzeRequest {
        document: Some(pb::Document {
            text,
            title: args.title.unwrap_or_default(),
            source: args.source.unwrap_or_default(),
            published_at,
            ..Default::default()
        }),
        offset_unit: unit.into(),
        include_tokens: args.tokens,
    };
    let analyzer = Analyzer::new(args.limits.limits());
    let response = parallax::grpc::analyze(&analyzer, request)?;
    println!(
        "{}",
        json::to_json(&response, "parallax.v1.AnalyzeResponse")?
    );
    Ok(ExitCode::SUCCESS)
}

fn healthcheck(args: HealthcheckArgs) -> anyhow::Result<ExitCode> {
    use tonic_health::pb::{
        HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
    };
    // A server listening on all interfaces (0.0.0.0, as in a container) is reached on loopback.
    let mut addr = args.addr;
    if addr.ip().is_unspecified() {
        let loopback: std::net::IpAddr = match addr {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        };
        addr.set_ip(loopback);
    }
    runtime()?.block_on(async move {
        let timeout = Duration::from_secs(args.timeout_secs);
        let check = async {
            let endpoint = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))?
                .connect_timeout(timeout);
            let mut client = HealthClient::new(endpoint.connect().await?);
            let response = client
                .check(HealthCheckRequest {
                    service: String::new(),
                })
                .await?
                .into_inner();
            anyhow::Ok(response.status())
        };
        let status = match tokio::time::timeout(timeout, check).await {
            Ok(result) => result.with_context(|| format!("checking {}", addr))?,
            Err(_) => bail!("no answer from {addr} within {timeout:?}"),
        };
        println!("{}", status.as_str_name());
        Ok(if status == ServingStatus::Serving {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    })
}

/// Every `*.tml` file under `paths`, sorted.
fn timeml_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in
                std::fs::read_dir(&path).with_context(|| format!("reading {}", path.display()))?
            {
                pending.push(entry?.path());
            }
        } else if path.extension().is_some_and(|e| e == "tml")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("._"))
        {
            files.push(path);
        } else if !path.exists() {
            bail!("{} does not exist", path.display());
        }
    }
    files.sort();
    Ok(files)
}

fn eval_dates(args: EvalDatesArgs) -> anyhow::Result<ExitCode> {
    use parallax::dates::timeml::{self, Predicted, Scores};
    let mut total = Scores::default();
    for path in timeml_files(&args.paths)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let wanted = match args.split {
            Split::Dev => timeml::is_dev(&name),
            Split::Train => !timeml::is_dev(&name),
            Split::All => true,
        };
        if !wanted {
            continue;
        }
        let doc = timeml::read(&path).map_err(anyhow::Error::msg)?;
        let predicted: Vec<Predicted> = parallax::dates::extract(&doc.text, doc.creation_time)
            .into_iter()
            .map(|e| Predicted {
                span: e.span,
                kind: e.kind.as_str().to_owned(),
                value: e.value,
            })
            .collect();
        if args.errors {
            for gold in &doc.timexes {
                match predicted
                    .iter()
                    .find(|p| p.span.start < gold.span.end && gold.span.start < p.span.end)
                {
                    None => println!(
                        "MISS  {name}: {:?} {} {}",
                        gold.span.slice(&doc.text),
                        gold.kind,
                        gold.value
                    ),
                    Some(p) if p.span != gold.span || p.value != gold.value => println!(
                        "DIFF  {name}: gold {:?} {} {} | got {:?} {} {}",
                        gold.span.slice(&doc.text),
                        gold.kind,
                        gold.value,
                        p.span.slice(&doc.text),
                        p.kind,
                        p.value
                    ),
                    Some(_) => {}
                }
            }
            for p in &predicted {
                if !doc
                    .timexes
                    .iter()
                    .any(|g| p.span.start < g.span.end && g.span.start < p.span.end)
                {
                    println!(
                        "EXTRA {name}: {:?} {} {}",
                        p.span.slice(&doc.text),
                        p.kind,
                        p.value
                    );
                }
            }
        }
        total.add(&timeml::score(&doc, &predicted));
    }
    print!("{total}");
    let checks = [
        ("strict F1", total.strict().2, args.min_strict_f1),
        ("relaxed F1", total.relaxed().2, args.min_relaxed_f1),
        ("value F1", total.value_f1(), args.min_value_f1),
    ];
    let mut ok = true;
    for (what, score, floor) in checks {
        if let Some(floor) = floor {
            let pass = score >= floor;
            println!(
                "floor {what} {floor:.4}: {} ({score:.4})",
                if pass { "ok" } else { "BELOW" }
            );
            ok &= pass;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn eval_ner(args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::conll;
    let read_all = |paths: &[PathBuf]| -> anyhow::Result<Vec<conll::Sentence>> {
        let mut sentences = Vec::new();
        for path in paths {
            let source = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            sentences.extend(conll::parse(&source));
        }
        Ok(sentences)
    };
    let gold = read_all(&args.gold)?;
    let predicted = read_all(&args.predicted)?;
    if gold.len() != predicted.len() {
        bail!(
            "{} gold sentences but {} predicted ones: the files must cover the same sentences",
            gold.len(),
            predicted.len()
        );
    }
    if let Some(i) = (0..gold.len()).find(|&i| gold[i].tokens.len() != predicted[i].tokens.len()) {
        bail!(
            "sentence {i} has {} gold tokens but {} predicted ones",
            gold[i].tokens.len(),
            predicted[i].tokens.len()
        );
    }
    let mentions: Vec<_> = predicted.into_iter().map(|s| s.mentions).collect();
    print!("{}", conll::score(&gold, &mentions));
    Ok(ExitCode::SUCCESS)
}
