//! Native throughput of `factmark::scan` (`cargo bench`): MB/s and peak heap on news text of
//! 10 KB to 10 MB, which should stay flat (linear cost), and on adversarial shapes at 100 KB
//! and 1 MB, where a finder slower than linear shows as a falling rate.
//!
//! The news text is the dev corpus (`../shared/corpus/dev/*.txt`, read at run time, never
//! copied here) concatenated and repeated. Set `FACTMARK_BENCH_SECONDS` to change the time
//! spent on each input (default 1 s, at least 3 scans). Rates are per second of this thread's
//! CPU time, so other work on a shared machine does not skew them (wall time where that clock
//! is not available).

#[path = "../support/shapes.rs"]
mod shapes;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use factmark::Options;

/// The system allocator, counting live bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Seconds of CPU time this thread has used (Linux), else of wall time since first asked.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn cpu_seconds() -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.sec as f64 + ts.nsec as f64 * 1e-9
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

const KB: usize = 1 << 10;
const MB: usize = 1 << 20;

/// What one input cost: the median rate (CPU time) and the heap the scan needed beyond what was live.
struct Measure {
    mb_per_s: f64,
    peak_heap: usize,
    claims: usize,
}

fn measure(text: &str, options: &Options, budget: Duration) -> Measure {
    let mut times = Vec::new();
    let (mut peak_heap, mut claims) = (0, 0);
    let started = Instant::now();
    while times.len() < 3 || started.elapsed() < budget {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let t = cpu_seconds();
        let found = black_box(factmark::scan(black_box(text), options));
        times.push(cpu_seconds() - t);
        peak_heap = peak_heap.max(PEAK.load(Relaxed) - before);
        claims = found.len();
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    Measure { mb_per_s: text.len() as f64 / MB as f64 / median, peak_heap, claims }
}

/// The dev corpus concatenated, blocks apart, or `None` when `../shared` is not beside us.
fn news() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let mut files: Vec<_> = std::fs::read_dir(dir).ok()?.filter_map(|e| Some(e.ok()?.path())).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    (!texts.is_empty()).then(|| texts.join("\n\n"))
}

/// The first `bytes` bytes of `text` repeated, cut back to a character boundary.
fn sized(text: &str, bytes: usize) -> String {
    let mut s = shapes::repeated(&format!("{text}\n\n"), bytes);
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn size_name(bytes: usize) -> String {
    if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} KB", bytes / KB)
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and then one quick pass will do.
    let benching = std::env::args().any(|a| a == "--bench");
    let seconds = std::env::var("FACTMARK_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let budget = Duration::from_secs_f64(if benching { seconds } else { 0.0 });
    let options = Options::from_date("2022-01-10").expect("a valid date");
    const TARGET: f64 = 50.0;

    let (live, t) = (LIVE.load(Relaxed), cpu_seconds());
    black_box(factmark::scan("Kyiv, Jan. 10 (AP): 100 troops.", &options));
    println!(
        "first scan (builds the tables): {:.1} ms, {} KB of heap kept\n",
        (cpu_seconds() - t) * 1e3,
        (LIVE.load(Relaxed) - live) / KB
    );

    match news() {
        None => println!("news text: ../shared/corpus/dev not found beside the checkout; skipped"),
        Some(news) => {
            println!("news text (dev corpus, {} KB, repeated), one fixed date:", news.len() / KB);
            println!("{:>8} {:>9} {:>12} {:>11} {:>8}", "size", "MB/s", "peak heap", "heap/input", "claims");
            for bytes in [10 * KB, 100 * KB, MB, 10 * MB] {
                let text = sized(&news, bytes);
                let m = measure(&text, &options, budget);
                println!(
                    "{:>8} {:>9.1} {:>10} KB {:>10.1}x {:>8}",
                    size_name(bytes),
                    m.mb_per_s,
                    m.peak_heap / KB,
                    m.peak_heap as f64 / text.len() as f64,
                    m.claims
                );
            }
        }
    }

    println!("\nadversarial shapes (a rate at 1 MB under a third of that at 100 KB means worse than linear):");
    println!("{:<34} {:>12} {:>10} {:>11} {:>8}  verdict", "shape", "100 KB MB/s", "1 MB MB/s", "heap/input", "claims");
    for ((what, small), (_, large)) in shapes::adversarial(100 * KB).into_iter().zip(shapes::adversarial(MB)) {
        let s = measure(&small, &options, budget / 4);
        let l = measure(&large, &options, budget / 2);
        let verdict = if l.mb_per_s < s.mb_per_s / 3.0 {
            "SUPER-LINEAR"
        } else if l.mb_per_s < TARGET {
            "slow"
        } else {
            "ok"
        };
        println!(
            "{what:<34} {:>12.1} {:>10.1} {:>10.1}x {:>8}  {verdict}",
            s.mb_per_s,
            l.mb_per_s,
            l.peak_heap as f64 / large.len() as f64,
            l.claims
        );
    }
}
