use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = papan::cli::Cli::parse();
    papan::commands::run(cli)
}
