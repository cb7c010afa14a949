//! `uniffi-bindgen`: generates the foreign-language bindings of `pkit-ffi`, at the same
//! uniffi version as its scaffolding.
//!
//! ```text
//! cargo run -p pkit-uniffi-bindgen --bin uniffi-bindgen -- generate \
//!     target/debug/libpkit_ffi.so --language kotlin --out-dir OUT --no-format
//! ```

fn main() {
    uniffi::uniffi_bindgen_main()
}
