#pragma once

#include <md4c.h>

#include <string_view>

namespace quire {

// md4c's parser driving a C++ consumer's member functions:
//   enterBlock(MD_BLOCKTYPE, void *detail), leaveBlock(MD_BLOCKTYPE, void *detail),
//   enterSpan(MD_SPANTYPE, void *detail), leaveSpan(MD_SPANTYPE, void *detail),
//   text(MD_TEXTTYPE, std::string_view).
// The callbacks run inside md4c's C code, which an exception must not cross: an exception (out
// of memory) stops the parse instead, and parse() returns false. A consumer with private
// callbacks befriends Md4cParse<Consumer>.
template<typename Consumer>
class Md4cParse
{
public:
    static bool run(std::string_view markdown, unsigned flags, Consumer &consumer)
    {
        MD_PARSER parser{};
        parser.flags = flags;
        parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return guarded(self, [&](Consumer &c) { c.enterBlock(type, detail); });
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return guarded(self, [&](Consumer &c) { c.leaveBlock(type, detail); });
        };
        parser.enter_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return guarded(self, [&](Consumer &c) { c.enterSpan(type, detail); });
        };
        parser.leave_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return guarded(self, [&](Consumer &c) { c.leaveSpan(type, detail); });
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self) {
            return guarded(self, [&](Consumer &c) { c.text(type, std::string_view(text, size)); });
        };
        return md_parse(markdown.data(), MD_SIZE(markdown.size()), &parser, &consumer) == 0;
    }

private:
    template<typename Call>
    static int guarded(void *self, Call call)
    {
        try {
            call(*static_cast<Consumer *>(self));
            return 0;
        } catch (...) {
            return -1;
        }
    }
};

} // namespace quire
