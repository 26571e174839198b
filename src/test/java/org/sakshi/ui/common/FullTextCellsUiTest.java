package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FullTextCellsUiTest {
    private static final String LONG = "WhatsApp Chat with Ravi Kumar and the Barasat station group (exported 2026).txt";

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>();
        table.setId("table");
        TableColumn<String, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()));
        name.setCellFactory(Controls.fullTextCells());
        name.setPrefWidth(120);
        table.getColumns().add(name);
        table.getItems().setAll(List.of("E0001", LONG));
        stage.setScene(Workbench.scene(table, 400, 300));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aCutCellShowsItsFullTextInATooltipAndAWholeOneHasNone(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> whole = cell(robot, "E0001");
        TableCell<?, ?> cut = cell(robot, LONG);
        assertNull(whole.getTooltip(), "E0001 fits");
        assertEquals(LONG, cut.getTooltip().getText());
    }

    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
    }
}
