#pragma once

#include "store/post.h"

#include <QString>

#include <optional>

namespace quire {

// Which posts a listing shows and in what order. Empty fields do not filter.
struct PostFilter
{
    enum class Order { UpdatedDesc, PublishedDesc, TitleAsc, Relevance };

    std::optional<PostStatus> status;
    QString tag;      // tag name (case-insensitive) or tag slug
    QString search;   // words as a user types them; matched against title, summary, body and tags
    Order order = Order::UpdatedDesc;  // Relevance applies only with a search
    int limit = -1;   // -1: all
};

} // namespace quire
