//! Copies the tables of `src/data/` into `OUT_DIR` without their `#` comment lines: the
//! comments (source, licence, what a column means) stay in the repository, out of every
//! reader's download. The crate reads the copies through its `data!` macro.
use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=src/data");
    for entry in fs::read_dir("src/data").expect("src/data exists") {
        let path = entry.expect("src/data is readable").path();
        if path.extension().is_some_and(|e| e == "tsv") {
            let text = fs::read_to_string(&path).expect("tables are UTF-8");
            let kept: String = text.lines().filter(|l| !l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
            fs::write(out.join(path.file_name().expect("a file")), kept).expect("OUT_DIR is writable");
        }
    }
}
