//! End-to-end tests of the gRPC server: a real server on 127.0.0.1:0, driven with the generated
//! tonic clients, every RPC and every error case a caller can cause.

use std::time::Duration;

use parallax::Limits;
use parallax::grpc::pb::{
    self, analysis_service_client::AnalysisServiceClient,
    corpus_service_client::CorpusServiceClient,
};
use parallax::grpc::{Server, ServerConfig};
use tokio::sync::oneshot;
use tonic::Code;
use tonic::transport::Channel;

const LEDE: &str = "Leaders Trade Letters\n\nThe two leaders exchanged letters on Monday, state media said.\n\nBoth sides promised closer ties. “We will work together,” one of them wrote.\n";

struct TestServer {
    channel: Channel,
    shutdown: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<()>,
}

impl TestServer {
    async fn start(limits: Limits) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let server = Server::new(ServerConfig {
            limits,
            shutdown_grace: Duration::from_secs(5),
        });
        let handle = tokio::spawn(async move {
            server
                .serve(listener, async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
        });
        let channel = Channel::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        Self {
            channel,
            shutdown: Some(tx),
            handle,
        }
    }

    fn analysis(&self) -> AnalysisServiceClient<Channel> {
        AnalysisServiceClient::new(self.channel.clone())
    }

    fn corpus(&self) -> CorpusServiceClient<Channel> {
        CorpusServiceClient::new(self.channel.clone())
    }

    async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            tx.send(()).unwrap();
        }
        drop(self.channel);
        tokio::time::timeout(Duration::from_secs(5), self.handle)
            .await
            .expect("server stops within the grace period")
            .unwrap();
    }
}

fn small_limits() -> Limits {
    Limits {
        max_article_bytes: 4096,
        max_articles: 6,
        max_batch: 4,
    }
}

fn document(text: &str) -> pb::Document {
    pb::Document {
        text: text.into(),
        ..Default::default()
    }
}

fn analyze_request(text: &str) -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        document: Some(document(text)),
        ..Default::default()
    }
}

/// `document` analyzed by `server`, spans in `unit`, tokens listed when asked for.
async fn analyze_in(
    server: &TestServer,
    document: pb::Document,
    unit: pb::OffsetUnit,
    include_tokens: bool,
) -> pb::Analysis {
    let request = pb::AnalyzeRequest {
        document: Some(document),
        offset_unit: unit.into(),
        include_tokens,
    };
    server
        .analysis()
        .analyze(request)
        .await
        .unwrap()
        .into_inner()
        .analysis
        .unwrap()
}

/// `document` analyzed by `server`, spans in code points.
async fn analyze_in_code_points(server: &TestServer, document: pb::Document) -> pb::Analysis {
    analyze_in(server, document, pb::OffsetUnit::Codepoint, false).await
}

/// The words of `text` at a span given in code points.
fn code_point_slice(text: &str, span: Option<pb::Span>) -> String {
    let span = span.unwrap();
    text.chars()
        .skip(span.start as usize)
        .take((span.end - span.start) as usize)
        .collect()
}

fn add_request(id: &str, text: &str, source: &str) -> pb::AddArticleRequest {
    pb::AddArticleRequest {
        id: id.into(),
        document: Some(pb::Document {
            text: text.into(),
            source: source.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn assert_status<T: std::fmt::Debug>(result: Result<T, tonic::Status>, code: Code, needle: &str) {
    let status = result.expect_err("call should fail");
    assert_eq!(status.code(), code, "{status:?}");
    assert!(
        status.message().contains(needle),
        "{:?} lacks {needle:?}",
        status.message()
    );
}

fn span_text<'t>(text: &'t str, span: &Option<pb::Span>) -> &'t str {
    let span = span.as_ref().expect("every annotation has a span");
    &text[span.start as usize..span.end as usize]
}

#[tokio::test]
async fn analyze_returns_blocks_and_sentences_with_spans_into_the_text() {
    let server = TestServer::start(small_limits()).await;
    let response = server
        .analysis()
        .analyze(analyze_request(LEDE))
        .await
        .unwrap()
        .into_inner();
    let analysis = response.analysis.unwrap();
    assert_eq!(analysis.offset_unit(), pb::OffsetUnit::Utf8);
    let blocks: Vec<_> = analysis
        .blocks
        .iter()
        .map(|b| (b.kind(), span_text(LEDE, &b.span)))
        .collect();
    assert_eq!(
        blocks[0],
        (pb::BlockKind::Headline, "Leaders Trade Letters")
    );
    assert_eq!(
        blocks[1],
        (
            pb::BlockKind::Body,
            "The two leaders exchanged letters on Monday, state media said."
        )
    );
    let sentences: Vec<_> = analysis
        .sentences
        .iter()
        .map(|s| span_text(LEDE, &s.span))
        .collect();
    assert!(
        sentences.contains(&"Both sides promised closer ties."),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"“We will work together,” one of them wrote."),
        "{sentences:?}"
    );
    assert!(analysis.tokens.is_empty(), "tokens only on request");
    assert_eq!(analysis.word_count, 23);
    server.stop().await;
}

#[tokio::test]
async fn spans_come_in_the_unit_the_caller_asks_for() {
    let server = TestServer::start(small_limits()).await;
    let text = "Kim’s letter arrived. “Great” 😀 news.";
    for (unit, expect_start_of_second) in [
        (pb::OffsetUnit::Utf8, text.find('“').unwrap()),
        (
            pb::OffsetUnit::Utf16,
            text[..text.find('“').unwrap()].encode_utf16().count(),
        ),
        (
            pb::OffsetUnit::Codepoint,
            text[..text.find('“').unwrap()].chars().count(),
        ),
    ] {
        let analysis = analyze_in(&server, document(text), unit, true).await;
        assert_eq!(analysis.offset_unit(), unit);
        let second = analysis.sentences[1].span.unwrap();
        assert_eq!(second.start as usize, expect_start_of_second, "{unit:?}");
        let last_token = analysis.tokens.last().unwrap().span.unwrap();
        let total = match unit {
            pb::OffsetUnit::Utf16 => text.encode_utf16().count(),
            pb::OffsetUnit::Codepoint => text.chars().count(),
            pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8 => text.len(),
        };
        assert_eq!(last_token.end as usize, total, "{unit:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn analyze_rejects_bad_input_with_precise_statuses() {
    let server = TestServer::start(small_limits()).await;
    let mut client = server.analysis();
    assert_status(
        client.analyze(analyze_request("")).await,
        Code::InvalidArgument,
        "document.text: is empty",
    );
    assert_status(
        client.analyze(analyze_request(" \n\n ")).await,
        Code::InvalidArgument,
        "document.text",
    );
    assert_status(
        client.analyze(pb::AnalyzeRequest::default()).await,
        Code::InvalidArgument,
        "document: is required",
    );
    assert_status(
        client.analyze(analyze_request(&"word ".repeat(1000))).await,
        Code::ResourceExhausted,
        "over the limit of 4096",
    );
    let bad_time = pb::AnalyzeRequest {
        document: Some(pb::Document {
            text: "Text.".into(),
            published_at: Some(prost_types::Timestamp {
                seconds: 0,
                nanos: -5,
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_status(
        client.analyze(bad_time).await,
        Code::InvalidArgument,
        "document.published_at",
    );
    let bad_zone = pb::AnalyzeRequest {
        document: Some(pb::Document {
            text: "Text.".into(),
            timezone: "Mars/Olympus".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_status(
        client.analyze(bad_zone).await,
        Code::InvalidArgument,
        "document.timezone: \"Mars/Olympus\" is not an IANA time zone name",
    );
    let bad_unit = pb::AnalyzeRequest {
        offset_unit: 9,
        ..analyze_request("Text.")
    };
    assert_status(
        client.analyze(bad_unit).await,
        Code::InvalidArgument,
        "offset_unit: unknown value 9",
    );
    server.stop().await;
}

#[tokio::test]
async fn analyze_stream_answers_in_order_and_stops_at_the_first_error() {
    let server = TestServer::start(small_limits()).await;
    let texts = [
        "First story.",
        "Second story here.",
        "Third one, longer than the others.",
    ];
    let requests = tokio_stream::iter(texts.map(analyze_request));
    let mut responses = server
        .analysis()
        .analyze_stream(requests)
        .await
        .unwrap()
        .into_inner();
    for text in texts {
        let analysis = responses
            .message()
            .await
            .unwrap()
            .unwrap()
            .analysis
            .unwrap();
        assert_eq!(analysis.blocks[0].span.unwrap().end as usize, text.len());
    }
    assert!(responses.message().await.unwrap().is_none());

    let requests = tokio_stream::iter(["Fine.", "", "Never reached."].map(analyze_request));
    let mut responses = server
        .analysis()
        .analyze_stream(requests)
        .await
        .unwrap()
        .into_inner();
    assert!(responses.message().await.unwrap().is_some());
    assert_status(
        responses.message().await,
        Code::InvalidArgument,
        "request 1: document.text",
    );

    // More items than max_batch (4): the fifth is refused.
    let requests = tokio_stream::iter((0..6).map(|i| analyze_request(&format!("Story {i}."))));
    let mut responses = server
        .analysis()
        .analyze_stream(requests)
        .await
        .unwrap()
        .into_inner();
    for _ in 0..4 {
        assert!(responses.message().await.unwrap().is_some());
    }
    assert_status(
        responses.message().await,
        Code::ResourceExhausted,
        "limit of 4",
    );
    server.stop().await;
}

#[tokio::test]
async fn corpus_add_get_list_delete() {
    let server = TestServer::start(small_limits()).await;
    let mut corpus = server.corpus();

    let added = corpus
        .add_article(add_request("", LEDE, "UPI"))
        .await
        .unwrap()
        .into_inner();
    assert!(added.created);
    let article = added.article.unwrap();
    assert!(article.id.starts_with("a-"), "{}", article.id);
    assert!(!article.analysis.as_ref().unwrap().blocks.is_empty());
    assert!(article.added_at.is_some());

    // Same content again: the stored article, not a duplicate.
    let again = corpus
        .add_article(add_request("", LEDE, "UPI"))
        .await
        .unwrap()
        .into_inner();
    assert!(!again.created);
    assert_eq!(again.article.unwrap().id, article.id);

    let got = corpus
        .get_article(pb::GetArticleRequest {
            id: article.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got.document.unwrap().text, LEDE);

    for i in 0..3 {
        let request = add_request(
            &format!("story-{i}"),
            &format!("Report number {i}."),
            "NK News",
        );
        assert!(
            corpus
                .add_article(request)
                .await
                .unwrap()
                .into_inner()
                .created
        );
    }
    // Walk all pages of two.
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let page = corpus
            .list_articles(pb::ListArticlesRequest {
                page_size: 2,
                page_token: token.clone(),
                omit_analysis: true,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(page.articles.iter().all(|a| a.analysis.is_none()));
        seen.extend(page.articles.into_iter().map(|a| a.id));
        token = page.next_page_token;
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(
        seen,
        [
            article.id.clone(),
            "story-0".into(),
            "story-1".into(),
            "story-2".into()
        ]
    );

    let by_source = corpus
        .list_articles(pb::ListArticlesRequest {
            source: "nk news".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(by_source.articles.len(), 3);
    assert!(by_source.articles.iter().all(|a| a.analysis.is_some()));

    let deleted = corpus
        .delete_article(pb::DeleteArticleRequest {
            id: "story-1".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(deleted.id, "story-1");
    assert_status(
        corpus
            .get_article(pb::GetArticleRequest {
                id: "story-1".into(),
                ..Default::default()
            })
            .await,
        Code::NotFound,
        "article \"story-1\" not found",
    );
    server.stop().await;
}

#[tokio::test]
async fn corpus_errors_are_precise_and_lose_nothing() {
    let server = TestServer::start(small_limits()).await;
    let mut corpus = server.corpus();
    corpus
        .add_article(add_request("x", "Original text.", ""))
        .await
        .unwrap();

    assert_status(
        corpus
            .add_article(add_request("x", "Other text.", ""))
            .await,
        Code::AlreadyExists,
        "article \"x\" already exists",
    );
    assert_status(
        corpus.add_article(add_request("bad id", "Text.", "")).await,
        Code::InvalidArgument,
        "id: contains ' '",
    );
    assert_status(
        corpus.add_article(add_request("y", "", "")).await,
        Code::InvalidArgument,
        "document.text",
    );
    assert_status(
        corpus
            .get_article(pb::GetArticleRequest {
                id: "missing".into(),
                ..Default::default()
            })
            .await,
        Code::NotFound,
        "missing",
    );
    assert_status(
        corpus.get_article(pb::GetArticleRequest::default()).await,
        Code::InvalidArgument,
        "id: is required",
    );
    assert_status(
        corpus
            .delete_article(pb::DeleteArticleRequest {
                id: "missing".into(),
            })
            .await,
        Code::NotFound,
        "missing",
    );
    assert_status(
        corpus
            .list_articles(pb::ListArticlesRequest {
                page_token: "garbage".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "page_token",
    );
    assert_status(
        corpus
            .list_articles(pb::ListArticlesRequest {
                page_size: 5000,
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "page_size",
    );
    assert_status(
        corpus
            .list_articles(pb::ListArticlesRequest {
                published_after: Some(prost_types::Timestamp {
                    seconds: 10,
                    nanos: 0,
                }),
                published_before: Some(prost_types::Timestamp {
                    seconds: 5,
                    nanos: 0,
                }),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "published_before",
    );

    // Fill the corpus (max 6), then one more is refused and nothing stored is lost.
    for i in 0..5 {
        corpus
            .add_article(add_request(&format!("f{i}"), &format!("Filler {i}."), ""))
            .await
            .unwrap();
    }
    assert_status(
        corpus
            .add_article(add_request("overflow", "One too many.", ""))
            .await,
        Code::ResourceExhausted,
        "number of articles in the corpus",
    );
    let all = corpus
        .list_articles(pb::ListArticlesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(all.articles.len(), 6);
    assert_eq!(
        all.articles[0].document.as_ref().unwrap().text,
        "Original text."
    );
    server.stop().await;
}

#[tokio::test]
async fn import_reports_each_item_and_continues_past_bad_ones() {
    let server = TestServer::start(small_limits()).await;
    let mut corpus = server.corpus();
    corpus
        .add_article(add_request("old", "Already here.", ""))
        .await
        .unwrap();
    let items = vec![
        add_request("n1", "A new story.", "UPI"),
        add_request("n2", "", "UPI"),
        add_request("", "Already here.", ""),
        add_request("n3", "Another new story.", "UPI"),
        add_request("n4", "Over the batch limit.", "UPI"),
    ];
    let response = corpus
        .import_articles(tokio_stream::iter(items))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (response.created, response.existing, response.failed),
        (2, 1, 2)
    );
    let summary: Vec<_> = response
        .results
        .iter()
        .map(|r| {
            (
                r.index,
                r.id.as_str(),
                r.created,
                r.error.split(':').next().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, "n1", true, ""),
            (1, "", false, "INVALID_ARGUMENT"),
            (2, "old", false, ""),
            (3, "n3", true, ""),
            (4, "", false, "RESOURCE_EXHAUSTED"),
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn health_and_reflection_are_served() {
    use tonic_health::pb::{
        HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
    };
    use tonic_reflection::pb::v1alpha::{
        ServerReflectionRequest, server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
    };

    let server = TestServer::start(small_limits()).await;
    let mut health = HealthClient::new(server.channel.clone());
    for service in [
        "",
        "parallax.v1.AnalysisService",
        "parallax.v1.CorpusService",
    ] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner()
            .status();
        assert_eq!(status, ServingStatus::Serving, "{service:?}");
    }

    let mut reflection = ServerReflectionClient::new(server.channel.clone());
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut responses = reflection
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .unwrap()
        .into_inner();
    let response = responses.message().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("expected a service list, got {response:?}");
    };
    let names: Vec<_> = list.service.into_iter().map(|s| s.name).collect();
    for expected in [
        "parallax.v1.AnalysisService",
        "parallax.v1.CorpusService",
        "grpc.health.v1.Health",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn shutdown_lets_an_in_flight_call_finish() {
    let server = TestServer::start(Limits {
        max_article_bytes: 8 << 20,
        ..small_limits()
    })
    .await;
    let mut client = server.analysis();
    // A large article keeps the call busy while the shutdown signal arrives.
    let text = "The envoy said the talks would resume next week. ".repeat(2_000);
    let call = tokio::spawn(async move { client.analyze(analyze_request(&text)).await });
    tokio::time::sleep(Duration::from_millis(20)).await;
    server.stop().await;
    let response = call.await.unwrap().expect("the in-flight call completes");
    assert!(response.into_inner().analysis.unwrap().sentences.len() >= 2_000);
}

#[tokio::test]
async fn a_page_stamp_the_article_contradicts_is_reported_and_not_used() {
    let server = TestServer::start(small_limits()).await;
    // Curly quotes before the spans: code points and bytes differ.
    let text = "December 28, 2024\n“Friends Forever,” Pyongyang’s Paper Says\n\nThe leaders traded letters on Monday, the 77th anniversary of the peninsula’s liberation on August 15, 1945.";
    let analysis = analyze_in_code_points(
        &server,
        pb::Document {
            text: text.into(),
            ..Default::default()
        },
    )
    .await;
    let slice = |span| code_point_slice(text, span);
    let document_date = analysis.document_date.unwrap();
    assert_eq!(
        (document_date.value.as_str(), document_date.source()),
        ("2022-08-15", pb::DateSource::Anniversary)
    );
    let conflict = document_date.conflict.unwrap();
    assert_eq!(
        (
            conflict.stamped_value.as_str(),
            conflict.stamped_source(),
            slice(conflict.stamped_span),
            conflict.earliest_year,
            conflict.latest_year,
        ),
        (
            "2024-12-28",
            pb::DateSource::PageDate,
            "December 28, 2024".to_owned(),
            2022,
            2022
        )
    );
    assert_eq!(slice(conflict.evidence_span), conflict.evidence);
    assert_eq!(
        conflict.evidence,
        "77th anniversary of the peninsula’s liberation on August 15, 1945"
    );
    // "on Monday" is the anniversary's Monday, not the stamp's.
    let monday = analysis.dates.iter().find(|d| d.text == "Monday").unwrap();
    assert_eq!(monday.value, "2022-08-15");
    server.stop().await;
}

#[tokio::test]
async fn a_joint_statement_names_every_speaker() {
    let server = TestServer::start(small_limits()).await;
    // Curly quotes before the spans: code points and bytes differ.
    let text = "“Open Again,” the Gazette Says\n\nMayor Ines Duval and Oskar Brandt agreed to reopen the northern pier before winter.";
    let analysis = analyze_in_code_points(&server, document(text)).await;
    let pier = analysis
        .quotes
        .iter()
        .find(|q| q.text.contains("northern pier"))
        .unwrap();
    let speaker = pier.speaker.clone().unwrap();
    assert_eq!(
        (speaker.name.as_str(), code_point_slice(text, speaker.span)),
        ("Ines Duval", "Ines Duval".to_owned())
    );
    let co: Vec<_> = pier
        .co_speakers
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                code_point_slice(text, c.span),
                !c.entity_id.is_empty(),
            )
        })
        .collect();
    assert_eq!(co, [("Oskar Brandt", "Oskar Brandt".to_owned(), true)]);
    server.stop().await;
}

#[tokio::test]
async fn dates_resolve_against_the_publication_date() {
    let server = TestServer::start(small_limits()).await;
    let text = "Envoys Meet Again\n\nThe envoys met on Monday, a week after talks stalled last month.\n\nThe pact was signed last year.";
    let analysis = analyze_in_code_points(
        &server,
        pb::Document {
            text: text.into(),
            // 2025-08-13T06:00:00Z, a Wednesday: the nearest Monday is two days back.
            published_at: Some(prost_types::Timestamp {
                seconds: 1_755_064_800,
                nanos: 0,
            }),
            ..Default::default()
        },
    )
    .await;
    let document_date = analysis.document_date.unwrap();
    assert_eq!(
        (document_date.value.as_str(), document_date.source()),
        ("2025-08-13", pb::DateSource::Caller)
    );
    let dates: Vec<_> = analysis
        .dates
        .iter()
        .map(|d| {
            (
                d.text.as_str(),
                d.r#type(),
                d.value.as_str(),
                d.anchor.as_str(),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("Monday", pb::TimexType::Date, "2025-08-11", "2025-08-13"),
            ("a week", pb::TimexType::Duration, "P1W", ""),
            ("last month", pb::TimexType::Date, "2025-07", "2025-08-13"),
            ("last year", pb::TimexType::Date, "2024", "2025-08-13"),
        ]
    );
    for date in &analysis.dates {
        assert_eq!(code_point_slice(text, date.span), date.text);
    }
    server.stop().await;
}
