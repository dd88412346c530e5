package org.gridstack.plugin.scripting;

import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/** Jython for SciJava's ScriptService in tests; Fiji brings its own (scripting-jython, not on Maven Central). */
@Plugin(type = ScriptLanguage.class, name = "Python (Jython)")
public class JythonLanguage extends AdaptedScriptLanguage {
    public JythonLanguage() {
        super("jython");
    }
}
