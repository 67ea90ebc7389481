package dev.cairn.engine.argo.appset;

/** Argo CD's ApplicationSet condition types and reasons, spelled as Argo CD spells them. */
final class ApplicationSetConditions {
  static final String ERROR_OCCURRED = "ErrorOccurred";
  static final String PARAMETERS_GENERATED = "ParametersGenerated";
  static final String RESOURCES_UP_TO_DATE = "ResourcesUpToDate";
  static final String ROLLOUT_PROGRESSING = "RolloutProgressing";

  static final String UP_TO_DATE = "ApplicationSetUpToDate";
  static final String REASON_PARAMETERS_GENERATED = "ParametersGenerated";
  static final String REASON_ERROR_OCCURRED = "ErrorOccurred";
  static final String PARAMS_GENERATION_ERROR = "ApplicationGenerationFromParamsError";
  static final String RENDER_ERROR = "RenderTemplateParamsError";
  static final String CREATE_ERROR = "CreateApplicationError";
  static final String UPDATE_ERROR = "UpdateApplicationError";
  static final String DELETE_ERROR = "DeleteApplicationError";
  static final String WAITING_FOR_WAVE = "WaitingForSyncWave";
  static final String ROLLOUT_COMPLETE = "ApplicationSetRolloutComplete";
  static final String APPLICATION_SET_MODIFIED = "ApplicationSetModified";

  static final String GENERATED_MESSAGE = "Successfully generated parameters for all Applications";
  static final String UP_TO_DATE_MESSAGE = "All applications have been generated successfully";

  private ApplicationSetConditions() {}
}
