#include "xlsx_reader.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <memory>
#include <cstdio>
#include <vector>

namespace zhuanlan::testing {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Doc = std::unique_ptr<xmlDoc, DocDeleter>;

Doc parse(const std::string& xml) {
  return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sheet.xml", nullptr, XML_PARSE_NONET));
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (!value) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Every element of the given name under node, in document order.
void find_all(xmlNode* node, const char* name, std::vector<xmlNode*>& out) {
  for (xmlNode* child = node; child; child = child->next) {
    if (named(child, name)) out.push_back(child);
    if (child->children) find_all(child->children, name, out);
  }
}

std::vector<xmlNode*> elements(const Doc& doc, const char* name) {
  std::vector<xmlNode*> out;
  if (doc) find_all(xmlDocGetRootElement(doc.get()), name, out);
  return out;
}

}  // namespace

std::string XlsxSheet::text(const std::string& ref) const {
  const auto it = cells.find(ref);
  return it == cells.end() ? "" : it->second.text;
}

std::string unzip_entry(const std::filesystem::path& zip, const std::string& entry) {
  const std::string command = "unzip -p '" + zip.string() + "' '" + entry + "'";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while (pipe && (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  if (pipe) pclose(pipe);
  return out;
}

std::string cell_ref(int row, int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

XlsxSheet read_xlsx(const std::filesystem::path& file) {
  XlsxSheet sheet;
  const Doc strings_doc = parse(unzip_entry(file, "xl/sharedStrings.xml"));
  std::vector<std::string> strings;
  for (xmlNode* si : elements(strings_doc, "si")) strings.push_back(content(si));
  const Doc sheet_doc = parse(unzip_entry(file, "xl/worksheets/sheet1.xml"));
  EXPECT_TRUE(sheet_doc) << "no readable sheet in " << file;
  if (!sheet_doc) return sheet;
  for (xmlNode* c : elements(sheet_doc, "c")) {
    XlsxCell cell;
    cell.style = std::atoi(attribute(c, "s").c_str());
    std::string value;
    for (xmlNode* child = c->children; child; child = child->next) {
      if (named(child, "v")) value = content(child);
    }
    if (attribute(c, "t") == "s") {
      const std::size_t index = std::stoul(value);
      EXPECT_LT(index, strings.size());
      if (index < strings.size()) cell.text = strings[index];
    } else {
      cell.text = value;
      cell.number = !value.empty();
    }
    sheet.cells[attribute(c, "r")] = cell;
  }
  for (xmlNode* m : elements(sheet_doc, "mergeCell")) sheet.merged.insert(attribute(m, "ref"));
  for (xmlNode* col : elements(sheet_doc, "col")) {
    const int min = std::atoi(attribute(col, "min").c_str()), max = std::atoi(attribute(col, "max").c_str());
    for (int i = min; i <= max; ++i) sheet.column_widths[i] = std::atof(attribute(col, "width").c_str());
  }
  for (xmlNode* row : elements(sheet_doc, "row")) {
    if (!attribute(row, "ht").empty()) sheet.row_heights[std::atoi(attribute(row, "r").c_str())] = std::atof(attribute(row, "ht").c_str());
  }
  for (xmlNode* setup : elements(sheet_doc, "pageSetup")) {
    sheet.orientation = attribute(setup, "orientation");
    sheet.paper = std::atoi(attribute(setup, "paperSize").c_str());
  }
  const Doc styles = parse(unzip_entry(file, "xl/styles.xml"));
  std::map<int, std::string> codes;
  for (xmlNode* f : elements(styles, "numFmt")) codes[std::atoi(attribute(f, "numFmtId").c_str())] = attribute(f, "formatCode");
  std::vector<bool> bold_fonts;
  for (xmlNode* fonts : elements(styles, "fonts")) {
    for (xmlNode* font = fonts->children; font; font = font->next) {
      if (!named(font, "font")) continue;
      bool bold = false;
      for (xmlNode* child = font->children; child; child = child->next) bold = bold || named(child, "b");
      bold_fonts.push_back(bold);
    }
  }
  for (xmlNode* xfs : elements(styles, "cellXfs")) {
    int index = 0;
    for (xmlNode* xf = xfs->children; xf; xf = xf->next) {
      if (!named(xf, "xf")) continue;
      const int format = std::atoi(attribute(xf, "numFmtId").c_str());
      if (format == 9 || format == 10) sheet.number_formats[index] = format == 9 ? "0%" : "0.00%";
      else if (format == 1) sheet.number_formats[index] = "0";
      else if (codes.count(format)) sheet.number_formats[index] = codes[format];
      const auto font = static_cast<std::size_t>(std::atoi(attribute(xf, "fontId").c_str()));
      if (font < bold_fonts.size() && bold_fonts[font]) sheet.bold_styles.insert(index);
      ++index;
    }
  }
  return sheet;
}

}  // namespace zhuanlan::testing
