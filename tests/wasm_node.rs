//! The wasm boundary under Node: `wasm-pack test --node -- --test wasm_node`.
#![cfg(target_arch = "wasm32")]

include!("wasm/boundary.rs");
