import { memo } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import logoUrl from "../../../assets/icon-32.png";
import { t } from "../../i18n/translate";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
});

/** The pane's title bar. */
export const Header = memo(function Header() {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <img className={styles.logo} src={logoUrl} alt="" />
      <Text as="h1" weight="semibold" size={400}>
        {t("app.productName")}
      </Text>
    </header>
  );
});
