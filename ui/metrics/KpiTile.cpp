#include "KpiTile.h"

#include "common/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Counterpart::Ui {

KpiTile::KpiTile(const QString &key, const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_caption(new QLabel(this))
{
    setObjectName(QStringLiteral("kpi_") + key);
    setAccessibleName(title);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    m_value->setObjectName(QStringLiteral("value"));
    m_caption->setObjectName(QStringLiteral("caption"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    QPalette muted = m_title->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_title->setPalette(muted);
    m_caption->setPalette(muted);
    m_title->setWordWrap(true);
    m_caption->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
}

void KpiTile::setValue(const QString &value, const QString &caption)
{
    m_value->setText(value);
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    setAccessibleDescription(caption.isEmpty() ? value : value + QStringLiteral(", ") + caption);
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

} // namespace Counterpart::Ui
