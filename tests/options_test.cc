// Tests for command-line parsing (render/options.h).
#include "render/options.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lr {
namespace {

using Args = std::vector<std::string>;

// As main.cc parses: only the selected subcommand's flags are defined.
Options Parse(const Args& args) {
  CLI::App app;
  Options options;
  DefineOptions(&app, &options, args);
  ParseOptions(&app, &options, args);
  return options;
}

TEST(DefineOptions, OnlyTheSelectedSubcommandGetsItsFlags) {
  CLI::App app;
  Options options;
  DefineOptions(&app, &options, {"launch-render", "job", "q.yaml"});
  EXPECT_NE(app.get_subcommand("job")->get_option_no_throw("--set-var"), nullptr);
  EXPECT_EQ(app.get_subcommand("render")->get_option_no_throw("--set"), nullptr);
  EXPECT_EQ(app.get_subcommands({}).size(), 6u);  // all named, for the top-level help
  CLI::App all;
  Options all_options;
  DefineOptions(&all, &all_options, {"launch-render", "--help"});
  EXPECT_NE(all.get_subcommand("render")->get_option_no_throw("--set"), nullptr);
  EXPECT_NE(all.get_subcommand("job")->get_option_no_throw("--set-var"), nullptr);
  CLI::App implicit;
  DefineOptions(&implicit, &all_options, {"launch-render", "values.yaml"});  // render implied
  EXPECT_NE(implicit.get_subcommand("render")->get_option_no_throw("--set"), nullptr);
  EXPECT_EQ(implicit.get_subcommand("validate")->get_option_no_throw("--summary"), nullptr);
}

TEST(WithDefaultCommand, InsertsRender) {
  EXPECT_EQ(WithDefaultCommand({"lr", "v.yaml"}), (Args{"lr", "render", "v.yaml"}));
  EXPECT_EQ(WithDefaultCommand({"lr", "-f", "v.yaml"}), (Args{"lr", "render", "-f", "v.yaml"}));
  EXPECT_EQ(WithDefaultCommand({"lr", "render", "v.yaml"}), (Args{"lr", "render", "v.yaml"}));
  EXPECT_EQ(WithDefaultCommand({"lr", "--help"}), (Args{"lr", "--help"}));
  EXPECT_EQ(WithDefaultCommand({"lr", "-h"}), (Args{"lr", "-h"}));
  EXPECT_EQ(WithDefaultCommand({"lr", "--version"}), (Args{"lr", "--version"}));
  EXPECT_EQ(WithDefaultCommand({"lr"}), (Args{"lr"}));
}

TEST(ParseOptions, Defaults) {
  Options o = Parse({"launch-render", "values.yaml"});
  EXPECT_EQ(o.command, Options::Command::kRender);
  EXPECT_EQ(o.render.values_files, (Args{"values.yaml"}));
  EXPECT_TRUE(o.render.set.empty());
  EXPECT_TRUE(o.render.set_string.empty());
  EXPECT_EQ(o.render.release, "release-name");
  EXPECT_EQ(o.render.format, OutputFormat::kYaml);
  EXPECT_FALSE(o.render.strict);
}

TEST(ParseOptions, ExplicitRenderSubcommand) {
  Options o = Parse({"launch-render", "render", "a.yaml", "b.yaml"});
  EXPECT_EQ(o.render.values_files, (Args{"a.yaml", "b.yaml"}));
}

TEST(ParseOptions, ValuesFlagFilesAppendedAfterPositional) {
  Options o = Parse(
      {"launch-render", "-f", "x.yaml", "a.yaml", "--values", "y.yaml", "b.yaml", "-f", "z.yaml"});
  EXPECT_EQ(o.render.values_files, (Args{"a.yaml", "b.yaml", "x.yaml", "y.yaml", "z.yaml"}));
  EXPECT_EQ(o.more_values, (Args{"x.yaml", "y.yaml", "z.yaml"}));
}

TEST(ParseOptions, OnlyValuesFlagFiles) {
  Options o = Parse({"launch-render", "-f", "only.yaml"});
  EXPECT_EQ(o.render.values_files, (Args{"only.yaml"}));
}

TEST(ParseOptions, StdinDash) {
  Options o = Parse({"launch-render", "-", "-f", "b.yaml"});
  EXPECT_EQ(o.render.values_files, (Args{"-", "b.yaml"}));
}

TEST(ParseOptions, SetFlagsCollectedInOrder) {
  Options o = Parse({"launch-render", "v.yaml", "--set", "a=1", "--set-string", "s=x", "--set",
                     "b=2,c=3", "--set-string", "t=y", "--set=d=4"});
  EXPECT_EQ(o.render.set, (Args{"a=1", "b=2,c=3", "d=4"}));
  EXPECT_EQ(o.render.set_string, (Args{"s=x", "t=y"}));
  EXPECT_EQ(o.render.values_files, (Args{"v.yaml"}));
}

TEST(ParseOptions, ReleaseOutputStrict) {
  Options o = Parse({"launch-render", "v.yaml", "--release", "ml-agent", "-o", "json", "--strict"});
  EXPECT_EQ(o.render.release, "ml-agent");
  EXPECT_EQ(o.render.format, OutputFormat::kJson);
  EXPECT_TRUE(o.render.strict);
  EXPECT_EQ(Parse({"launch-render", "v.yaml", "--output", "yaml"}).render.format,
            OutputFormat::kYaml);
  EXPECT_EQ(Parse({"launch-render", "v.yaml", "-o", "JSON"}).render.format, OutputFormat::kJson);
  EXPECT_EQ(Parse({"launch-render", "v.yaml", "--release=r2"}).render.release, "r2");
}

TEST(ParseOptions, BadOutputThrows) {
  EXPECT_THROW(Parse({"launch-render", "v.yaml", "-o", "xml"}), CLI::ParseError);
  EXPECT_THROW(Parse({"launch-render", "v.yaml", "-o"}), CLI::ParseError);
}

TEST(ParseOptions, NoValuesFileThrows) {
  EXPECT_THROW(Parse({"launch-render", "--release", "x"}), CLI::RequiredError);
  EXPECT_THROW(Parse({"launch-render", "render"}), CLI::RequiredError);
  EXPECT_THROW(Parse({"launch-render"}), CLI::ParseError);
}

TEST(ParseOptions, UnknownFlagThrows) {
  EXPECT_THROW(Parse({"launch-render", "v.yaml", "--nope"}), CLI::ParseError);
}

TEST(ParseOptions, HelpAndVersionAreParseErrors) {
  EXPECT_THROW(Parse({"launch-render", "--help"}), CLI::CallForHelp);
  EXPECT_THROW(Parse({"launch-render", "--version"}), CLI::CallForVersion);
}

TEST(ParseOptions, KubeVersionNormalizedDefaultNewest) {
  EXPECT_EQ(Parse({"launch-render", "v.yaml"}).render.kube_version, "");  // the newest
  EXPECT_EQ(Parse({"launch-render", "v.yaml", "--kube-version", "1.30.2"}).render.kube_version,
            "v1.30");
  EXPECT_THROW(Parse({"launch-render", "v.yaml", "--kube-version", "1.20"}), CLI::ValidationError);
}

TEST(ParseOptions, ValidateManifestFlags) {
  Options o = Parse({"launch-render", "validate", "k8s/", "--kubernetes-version", "v1.29", "--skip",
                     "Secret,apps/v1/Deployment", "--reject", "Role", "--reject", "ClusterRole",
                     "--ignore-missing-schemas", "-n", "2", "--kind", "manifest"});
  const ValidateRequest& r = o.validate;
  EXPECT_EQ(r.kube_version, "v1.29");
  EXPECT_EQ(r.skip, (Args{"Secret", "apps/v1/Deployment"}));
  EXPECT_EQ(r.reject, (Args{"Role", "ClusterRole"}));
  EXPECT_TRUE(r.ignore_missing_schemas);
  EXPECT_EQ(r.threads, 2);
  EXPECT_EQ(r.kind, FileKind::kManifest);
  EXPECT_EQ(
      Parse({"launch-render", "validate", "a", "--kube-version", "1.28"}).validate.kube_version,
      "v1.28");
  EXPECT_THROW(Parse({"launch-render", "validate", "a", "--kubernetes-version", "master"}),
               CLI::ValidationError);
  EXPECT_THROW(Parse({"launch-render", "validate", "a", "-n", "-1"}), CLI::ValidationError);
}

}  // namespace
}  // namespace lr
