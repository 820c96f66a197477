//! The command line: a thin layer over `factmark::scan`, `factmark::sentences`, `factmark::check`
//! and the exports. No rule lives here.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

const USAGE: &str = "\
usage: factmark scan --date YYYY-MM-DD [--kinds K,K…] [--annotations | --claim-review N] [--source URL] [FILE]
       factmark scan --jsonl [--date YYYY-MM-DD] [--kinds K,K…] [--keep-going] [FILE]
       factmark sentences --date YYYY-MM-DD [--kinds K,K…] [FILE]
       factmark sentences --jsonl [--keep-going] [FILE]
       factmark facts CC [CC…]

scan     prints {\"claims\": [...], \"sentences\": [...], \"findings\": [...]} for the text in FILE
         (standard input when none); offsets are UTF-16 code units, as JavaScript indexes
         strings. A finding is {\"code\", \"message\", \"places\": [{\"start\", \"end\", \"text\",
         \"claim\"}]}: where the article disagrees with itself or the calendar; \"claim\" indexes
         \"claims\" (null where the place is no claim).
sentences  prints {\"sentences\": [...]}: each sentence with its check-worthiness score (0 to 1),
         checkworthy (score ≥ 0.5), type (Full Fact's claim types) and reasons.
--annotations  scan: prints the claims instead as one W3C Web Annotation AnnotationCollection
         (JSON-LD) whose \"first\" page's \"items\" hold one Annotation per claim, each targeted
         by a TextQuoteSelector and a TextPositionSelector (UTF-16).
--claim-review N  scan: prints a schema.org ClaimReview skeleton for claim N (counted from 0
         in \"claims\"); the editor fills in author and rating.
--source URL  the page's address: the annotations' target source, the ClaimReview's appearance.
facts    prints {\"CC\": {\"code\", \"capital\", \"population\", \"populationYear\",
         \"populationSource\", \"capitalSource\"}} for each ISO country code given.
--jsonl  scan: reads lines {\"id\", \"text\", \"date\"} and writes one {\"id\", \"claims\", \"sentences\",
         \"findings\"} line each; --date is the default for lines without a date.
         sentences: reads lines {\"id\", \"text\"}, takes each text as one sentence and writes one
         {\"id\", \"score\", \"checkworthy\", \"type\", \"reasons\"} line each; no date needed.
--kinds  quantity, date, country, place (all when not given).
--keep-going  with --jsonl: on a bad line, write {\"line\", \"id\", \"error\"} in its place and go on;
         the exit status is still 1.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Scan,
    Sentences,
}

struct Args {
    command: Command,
    date: Option<String>,
    kinds: Option<String>,
    jsonl: bool,
    keep_going: bool,
    file: Option<String>,
    annotations: bool,
    claim_review: Option<usize>,
    source: Option<String>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = match argv.next().as_deref() {
        Some("scan") => Command::Scan,
        Some("sentences") => Command::Sentences,
        Some("-h" | "--help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("no command given".into()),
    };
    let mut args = Args {
        command,
        date: None,
        kinds: None,
        jsonl: false,
        keep_going: false,
        file: None,
        annotations: false,
        claim_review: None,
        source: None,
    };
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--date" => args.date = Some(argv.next().ok_or("--date needs a value: YYYY-MM-DD")?),
            "--kinds" => args.kinds = Some(argv.next().ok_or("--kinds needs a value such as date,place")?),
            "--jsonl" => args.jsonl = true,
            "--keep-going" => args.keep_going = true,
            "--annotations" => args.annotations = true,
            "--source" => args.source = Some(argv.next().ok_or("--source needs a URL")?),
            "--claim-review" => {
                let n = argv.next().ok_or("--claim-review needs a claim number")?;
                let n = n.parse().map_err(|_| format!("--claim-review needs a claim number, not {n:?}"))?;
                args.claim_review = Some(n);
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if args.file.is_none() => args.file = Some(file.to_string()),
            extra => return Err(format!("one file at most; {extra:?} is a second")),
        }
    }
    if args.keep_going && !args.jsonl {
        return Err("--keep-going goes with --jsonl".into());
    }
    if (args.annotations || args.claim_review.is_some() || args.source.is_some())
        && (args.jsonl || command != Command::Scan)
    {
        return Err("--annotations, --claim-review and --source go with scan, without --jsonl".into());
    }
    if args.annotations && args.claim_review.is_some() {
        return Err("choose one of --annotations and --claim-review".into());
    }
    if !args.jsonl && args.date.is_none() {
        if command == Command::Sentences {
            return Err("sentences needs --date YYYY-MM-DD (the claims in a text depend on it) or --jsonl".into());
        }
        return Err("scan needs --date YYYY-MM-DD: the publication date relative dates are read against".into());
    }
    Ok(args)
}

fn options(date: &str, kinds: Option<&str>) -> Result<factmark::Options, factmark::Error> {
    let options = factmark::Options::from_date(date)?;
    match kinds {
        Some(k) => options.with_kinds(k.split(',').map(str::trim)),
        None => Ok(options),
    }
}

fn open(file: Option<&str>) -> Result<Box<dyn BufRead>, String> {
    match file {
        None | Some("-") => Ok(Box::new(io::stdin().lock())),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| format!("cannot read {path}: {e}")),
    }
}

/// Where invalid UTF-8 starts, as a person would look for it.
fn utf8_error(bytes: &[u8], e: std::str::Utf8Error) -> String {
    let at = e.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    format!("invalid UTF-8 at byte {at} (line {line}, column {column})")
}

fn scan_one(args: &Args, name: &str) -> Result<(), String> {
    let options =
        options(args.date.as_deref().unwrap_or_default(), args.kinds.as_deref()).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    open(args.file.as_deref())?.read_to_end(&mut bytes).map_err(|e| format!("cannot read {name}: {e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| format!("{name}: {}", utf8_error(&bytes, e)))?;
    let claims = factmark::scan(text, &options);
    let source = args.source.as_deref();
    let record = if args.annotations {
        factmark::annotations(text, &claims, source)
    } else if let Some(n) = args.claim_review {
        let claim =
            claims.get(n).ok_or_else(|| format!("--claim-review {n}: the text has {} claim(s)", claims.len()))?;
        factmark::claim_review(text, claim, source, Some(options.date()))
    } else {
        let sentences = factmark::sentences_of(text, &claims);
        match args.command {
            Command::Scan => {
                let findings = factmark::check(text, &claims, &options);
                json!({ "claims": claims, "sentences": sentences, "findings": findings })
            }
            Command::Sentences => json!({ "sentences": sentences }),
        }
    };
    let mut out = io::stdout().lock();
    serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    date: Option<String>,
}

/// Scans a JSONL stream line by line. Returns how many lines were bad.
fn scan_lines(args: &Args, name: &str) -> Result<usize, String> {
    if let Some(d) = &args.date {
        options(d, args.kinds.as_deref()).map_err(|e| e.to_string())?;
    }
    let mut input = open(args.file.as_deref())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut bad, mut bytes, mut number) = (0, Vec::new(), 0);
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes).map_err(|e| format!("cannot read {name}: {e}"))? == 0 {
            break;
        }
        number += 1;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (id, result) = scan_line(args, &bytes);
        let record = match result {
            Ok(mut record) => {
                record["id"] = id;
                record
            }
            Err(msg) => {
                let mut text = format!("{name}: line {number}");
                if !id.is_null() {
                    let _ = write!(text, " (id {id})");
                }
                eprintln!("factmark: {text}: {msg}");
                if !args.keep_going {
                    out.flush().map_err(|e| e.to_string())?;
                    return Err(format!("stopped at line {number}; --keep-going goes on past bad lines"));
                }
                bad += 1;
                json!({ "line": number, "id": id, "error": msg })
            }
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(bad)
}

/// The record for one line, without its id.
fn scan_line(args: &Args, bytes: &[u8]) -> (serde_json::Value, Result<serde_json::Value, String>) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return (serde_json::Value::Null, Err(utf8_error(bytes, e))),
    };
    let line: Line = match serde_json::from_str(text) {
        Ok(l) => l,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(text).ok().and_then(|v| v.get("id").cloned());
            let shape = match args.command {
                Command::Scan => r#"{"id", "text", "date"}"#,
                Command::Sentences => r#"{"id", "text"}"#,
            };
            return (id.unwrap_or_default(), Err(format!("not a {shape} object: {e}")));
        }
    };
    if args.command == Command::Sentences {
        let record = serde_json::to_value(factmark::assess(&line.text)).map_err(|e| e.to_string());
        return (line.id, record);
    }
    let date = match line.date.as_deref().or(args.date.as_deref()) {
        Some(d) => d,
        None => return (line.id, Err("no \"date\" on the line and no --date given".into())),
    };
    let result = options(date, args.kinds.as_deref()).map_err(|e| e.to_string()).map(|o| {
        let claims = factmark::scan(&line.text, &o);
        let sentences = factmark::sentences_of(&line.text, &claims);
        let findings = factmark::check(&line.text, &claims, &o);
        json!({ "claims": claims, "sentences": sentences, "findings": findings })
    });
    (line.id, result)
}

/// `factmark facts CC…`: the bundled facts of each country named.
fn print_facts(codes: &[String]) -> Result<(), String> {
    if codes.is_empty() {
        return Err("facts needs ISO country codes such as UA RU".into());
    }
    let mut all = serde_json::Map::new();
    for code in codes {
        let facts =
            factmark::facts(code).ok_or_else(|| format!("no facts for {code:?}: expected an ISO code such as UA"))?;
        all.insert(facts.code.to_string(), json!(facts));
    }
    println!("{}", serde_json::Value::Object(all));
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("facts") {
        return finish(print_facts(&argv[1..]));
    }
    let args = match parse_args(argv.into_iter()) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("factmark: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let name = args.file.clone().unwrap_or_else(|| "standard input".into());
    let result = if args.jsonl {
        scan_lines(&args, &name).and_then(|bad| match bad {
            0 => Ok(()),
            n => Err(format!("{n} bad line(s); each was written as an error record")),
        })
    } else {
        scan_one(&args, &name)
    };
    finish(result)
}

fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("factmark: {msg}");
            ExitCode::FAILURE
        }
    }
}
