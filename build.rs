//! Compiles `proto/parallax/v1/*.proto` with protox (pure Rust, no system `protoc`) and generates
//! prost messages and tonic services. The encoded file descriptor set is written next to the
//! generated code: gRPC reflection serves it, and the CLI uses it to print canonical proto3 JSON.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");
    let mut protos: Vec<PathBuf> = std::fs::read_dir("proto/parallax/v1")?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    protos.retain(|p| p.extension().is_some_and(|ext| ext == "proto"));
    protos.sort();

    let fds = protox::Compiler::new(["proto"])?
        .include_imports(true)
        .include_source_info(true)
        .open_files(&protos)?
        .file_descriptor_set();

    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    // `compile_fds` does not honour `file_descriptor_set_path`, so the set is written here.
    std::fs::write(
        out_dir.join("parallax_descriptor.bin"),
        prost::Message::encode_to_vec(&fds),
    )?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;
    Ok(())
}
