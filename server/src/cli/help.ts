// Help texts, bilingual: Chinese first, English beside it.

export const MAIN_HELP = `gongwen — 公文编号结构与必备措施检查 / structure and completeness checks for Chinese policy directives

用法 Usage:
  gongwen lint [PATH|GLOB…] [选项 options]    检查稿件（默认 **/*.md）/ check drafts (default **/*.md)
  gongwen outline FILE [--format text|json]   显示编号结构树 / print the directive tree
  gongwen coverage …                          必备措施覆盖情况 / required-measure coverage (gongwen coverage --help)
  gongwen schema …                            措施清单（schema）工具 / schema tools (gongwen schema --help)
  gongwen help [COMMAND]                      显示帮助 / show help
  gongwen --version                           显示版本 / print the version

示例 Examples:
  gongwen lint                                检查当前目录下所有 Markdown / every Markdown file here
  gongwen lint docs/ "drafts/**/*.md"         目录与通配符（加引号亦可）/ folders and globs (quoted is fine)
  gongwen lint --fix                          自动修复编号 / fix numbering in place
  gongwen lint --format github --format sarif=gongwen.sarif   CI 注释 + SARIF / CI annotations + SARIF

退出码 Exit codes:
  0  没有错误级问题 / no error-level problems
  1  有错误级问题，或警告数超过 --max-warnings / error-level problems, or more warnings than --max-warnings
  2  用法、配置或 schema 错误，或文件无法读写 / usage, configuration or schema error, or a file could not be read or written

详见 More: gongwen lint --help · docs/cli.md
`;

export const LINT_HELP = `gongwen lint — 检查稿件的编号结构 / check the numbered structure of drafts

用法 Usage:
  gongwen lint [PATH|GLOB…] [选项 options]
  gongwen lint --stdin [--stdin-filename NAME] [选项 options]

输入 Input:
  PATH|GLOB…                 文件、目录或通配符；通配符由 gongwen 展开，加引号也可；以 ! 开头表示排除；
                             默认 **/*.{md,markdown}。遵循 .gitignore 与 .gongwenignore。
                             files, folders or globs (expanded by gongwen, so quoting is safe; a leading !
                             excludes); default **/*.{md,markdown}; honours .gitignore and .gongwenignore
  --stdin                    从标准输入读取一篇稿件 / read one document from standard input
  --stdin-filename NAME      标准输入稿件的文件名（用于配置查找、忽略规则和报告）
                             the name of the stdin document (for configuration, ignores and reports)
  --no-ignore                不读取 .gitignore / .gongwenignore / do not read the ignore files
  --no-error-on-unmatched-pattern
                             通配符或路径没有匹配时不报错 / do not fail when a path or glob matches nothing
  --encoding ENC             非 UTF-8 文件按 ENC 读取：gbk、gb18030、utf-16（utf-16le、utf-16be）；
                             UTF-8 文件和带 BOM 的文件始终按其本身编码读取
                             read files that are not UTF-8 as ENC: gbk, gb18030, utf-16 (utf-16le,
                             utf-16be); UTF-8 files and files with a BOM are always read as what they are

配置 Configuration:
  -c, --config FILE          使用此配置文件（不再向上查找）/ use this configuration file (no search)
  --schema FILE              使用此必备措施清单 / check against this required-measures schema
  --rule ID=LEVEL            设置规则级别，可重复；LEVEL 为 off、info、warning、error（优先于配置文件）
                             set a rule's level, repeatable; LEVEL is off, info, warning or error
                             (overrides the configuration file)
  --print-config FILE        输出 FILE 生效的配置（JSON）后退出 / print the configuration FILE gets, as JSON
  --locale zh-CN|en          报告语言；默认取自 LC_ALL、LC_MESSAGES、LANG / report language; default from
                             LC_ALL, LC_MESSAGES, LANG

输出 Output:
  -f, --format NAME[=FILE]   输出格式，可重复；每种格式可写入各自的文件 / output format, repeatable, each to
                             its own file if given:
                               stylish  按文件分组，默认 / grouped by file (default)
                               json     稳定的 JSON 结构（见 docs/cli.md）/ stable JSON shape (docs/cli.md)
                               sarif    SARIF 2.1.0，供代码扫描 / for code scanning
                               github   GitHub Actions 注释 / GitHub Actions annotations
                               junit    JUnit XML，供 CI 测试面板 / for CI test dashboards
  -o, --output FILE          把未指定文件的那种格式写入 FILE，终端仍显示汇总行
                             write the format that names no file to FILE; the terminal still gets the summary
  -q, --quiet                只报告错误级问题 / report errors only
  --max-warnings N           警告超过 N 个时以 1 退出 / exit 1 when there are more than N warnings
  --color, --no-color        强制开启或关闭颜色（默认：终端且未设 NO_COLOR 时开启）
                             force colours on or off (default: on for a terminal without NO_COLOR)
  --progress, --no-progress  显示或隐藏进度条（默认：终端中超过 ${300} 个文件时显示，CI 中不显示）
                             show or hide the progress bar (default: on a terminal for more than 300
                             files; never in CI)

修复 Fixing:
  --fix                      应用所有安全修复（重新编号、统一样式、更正预告数量），原子写入，保留换行符、
                             BOM 与文件权限；仍报告无法修复的问题
                             apply every safe fix (renumbering, style, announced counts) in one go;
                             atomic writes that keep line endings, BOM and file mode; still reports
                             what it could not fix
  --fix-dry-run              不写文件，在标准输出打印统一差异（报告改到标准错误）
                             write nothing; print a unified diff on stdout (the report goes to stderr)
                             与 --stdin 合用时，--fix 把修复后的全文写到标准输出
                             with --stdin, --fix prints the fixed document on stdout

规模 Scale:
  -j, --jobs N               并行线程数（默认：CPU 核数）；输出顺序与 N 无关
                             worker threads (default: the number of cores); the output order never depends on N
  --shard I/N                只检查第 I 份（共 N 份，按排序后的文件轮流分配）
                             check shard I of N (files dealt round-robin in sorted order)
  --cache                    跳过未改变的文件（按内容、配置与版本）/ skip unchanged files (by content, config, version)
  --cache-location PATH      缓存位置（默认 .gongwen-cache/）/ where the cache lives (default .gongwen-cache/)

其他 Other:
  -h, --help                 显示本帮助 / show this help

退出码 Exit codes:
  0  没有错误级问题 / no error-level problems
  1  有错误级问题（包括非 UTF-8 文件），或警告数超过 --max-warnings
     error-level problems (a non-UTF-8 file among them), or more warnings than --max-warnings
  2  用法、配置或 schema 错误，或文件无法读写 / usage, configuration or schema error, or a file could
     not be read or written

示例 Examples:
  gongwen lint "docs/**/*.md" "!docs/archive/**"
  gongwen lint --format github --format sarif=gongwen.sarif --max-warnings 0
  gongwen lint --rule mixed-style=off --rule sequence-start=error
  gongwen lint --stdin --stdin-filename 通知.md < 通知.md
  gongwen lint --encoding gbk 旧稿/
  gongwen lint --fix-dry-run > fixes.patch
`;

export const OUTLINE_HELP = `gongwen outline — 显示编号结构树 / print the directive tree

用法 Usage:
  gongwen outline FILE [--format text|json]

  text  缩进的结构树（默认）/ an indented tree (default)
  json  共享语料标注格式（ANNOTATION.md）/ the shared corpus annotation format (ANNOTATION.md)
`;
