import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * A PostgreSQL server of the cluster's own (never the machine's service: the fault tests stop
 * and restart it), in `dir`/pg, listening on 127.0.0.1:`port` only, trust authentication, the
 * C locale (names sort as on SQLite), no fsync (a test cluster: nothing in it must outlive a
 * crash of the machine). Debian's binaries: /usr/lib/postgresql/<newest>/bin, or $HERALD_PG_BIN.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export class OwnPostgres {
  readonly dataDir: string;
  private readonly socketDir: string;
  private readonly log: string;

  constructor(
    dir: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(dir, "pg");
    this.socketDir = path.join(dir, "pg-socket");
    this.log = path.join(dir, "postgres.log");
  }

  /** The URL of database `name` on this server. */
  url(name = "herald"): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }

  /** Creates the cluster on first use, starts it and creates database `name` if missing. */
  async start(name = "herald"): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, "PG_VERSION"))) {
      // Its folder open to the postgres user (a recursive mkdir would make it 0700 too).
      fs.mkdirSync(path.dirname(this.dataDir), { recursive: true });
      fs.chmodSync(path.dirname(this.dataDir), 0o755);
      fs.mkdirSync(this.dataDir, { mode: 0o700 });
      this.own(this.dataDir);
      run(
        this.asOwner([
          bin("initdb"),
          "-D",
          this.dataDir,
          "-U",
          "postgres",
          "--auth=trust",
          "--locale=C",
          "-E",
          "UTF8",
        ]),
      );
    }
    fs.mkdirSync(this.socketDir, { recursive: true });
    this.own(this.socketDir);
    this.own(this.log, true);
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.socketDir} -c fsync=off -c max_connections=200`;
    run(
      this.asOwner([
        bin("pg_ctl"),
        "-D",
        this.dataDir,
        "-l",
        this.log,
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start",
      ]),
    );
    const exists = this.psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (exists.trim() !== "1")
      this.psql(`CREATE DATABASE "${name}" TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'`);
  }

  /** Runs one statement on the server's `postgres` database; returns its rows, unaligned. */
  private psql(statement: string): string {
    const where = ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-d", "postgres"];
    return run([bin("psql"), ...where, "-tAc", statement]);
  }

  /** Stops the server (fast shutdown: sessions are ended, nothing committed is lost). */
  async stop(): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, "postmaster.pid"))) return;
    run(this.asOwner([bin("pg_ctl"), "-D", this.dataDir, "-m", "fast", "-w", "stop"]));
  }

  private asOwner(command: string[]): string[] {
    return isRoot() ? ["runuser", "-u", "postgres", "--", ...command] : command;
  }

  /** Gives `file` to the postgres user when we are root (created empty if `create`). */
  private own(file: string, create = false): void {
    if (create && !fs.existsSync(file)) fs.writeFileSync(file, "");
    if (!isRoot()) return;
    const user = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    fs.chownSync(file, Number(user.stdout), Number(group.stdout));
  }
}

const isRoot = () => process.getuid?.() === 0;

/** Debian's PostgreSQL program `name`, or the one in $HERALD_PG_BIN. */
function bin(name: string): string {
  if (process.env.HERALD_PG_BIN) return path.join(process.env.HERALD_PG_BIN, name);
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql); set HERALD_PG_BIN.");
  return path.join(root, versions[0]!, "bin", name);
}

/** Runs `command` to its end; returns its output, throws with its output when it fails. */
function run(commandLine: string[]): string {
  const [command, ...args] = commandLine as [string, ...string[]];
  const result = spawnSync(command, args, { encoding: "utf8", cwd: "/" });
  if (result.status !== 0)
    throw new Error(`failed: ${command} ${args.join(" ")}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}
